using Microsoft.Data.Sqlite;

namespace ScanPipeline.Storage;

/// <summary>
/// A person's decision about a document's type: an operator verifying a document from the verification
/// list, or a case worker forwarding one to another department. It is labelled data for retraining:
/// the document's text (by hash in the blob store) with the type a person gave it.
/// </summary>
public sealed record Correction(
    long CorrectionId, string DocumentId, string TextSha256, string PreviousType, string CorrectedType,
    string PreviousDepartment, string Department, string Source, string Actor, DateTimeOffset RecordedAt);

public static class CorrectionSource
{
    /// <summary>An operator decided a document from the verification list (Klärfall).</summary>
    public const string Verification = "verification";

    /// <summary>A case worker forwarded a document to another department.</summary>
    public const string Reroute = "reroute";
}

public sealed partial class MetadataStore
{
    /// <summary>
    /// Moves a filed document to <paramref name="department"/> as type <paramref name="correctedType"/> and
    /// records the correction, in one transaction: the inbox and the labelled data never disagree.
    /// Returns null when the document is not in any inbox.
    /// </summary>
    public Correction? RecordCorrection(
        string documentId, string correctedType, string department, string source, string actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(correctedType);
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        using var connection = Open();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var item = FindInboxItem(connection, transaction, documentId);
            if (item is null) return null;
            Write(connection, transaction, """
                UPDATE inbox_items SET department = $dept, document_type = $type, routing_reason = $reason, status = $status
                WHERE document_id = $id;
                """, ("$id", documentId), ("$dept", department), ("$type", correctedType), ("$reason", source),
                ("$status", InboxStatus.New));
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO corrections (document_id, text_sha256, previous_type, corrected_type, previous_department,
                    department, source, actor, recorded_at)
                VALUES ($id, $text, $previousType, $type, $previousDept, $dept, $source, $actor, $at)
                RETURNING correction_id;
                """;
            foreach (var (name, value) in new (string, object)[]
                     {
                         ("$id", documentId), ("$text", item.TextSha256), ("$previousType", item.DocumentType),
                         ("$type", correctedType), ("$previousDept", item.Department), ("$dept", department),
                         ("$source", source), ("$actor", actor), ("$at", Format(at)),
                     })
                insert.Parameters.AddWithValue(name, value);
            var id = (long)insert.ExecuteScalar()!;
            transaction.Commit();
            return new Correction(id, documentId, item.TextSha256, item.DocumentType, correctedType, item.Department,
                department, source, actor, at);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 or 10 or 13 or 14)
        {
            throw new Core.Documents.StoreUnavailableException($"Metadata store write failed: {ex.Message}", ex);
        }
    }

    /// <summary>Every recorded correction, oldest first.</summary>
    public IReadOnlyList<Correction> ListCorrections()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM corrections ORDER BY correction_id;";
        using var reader = command.ExecuteReader();
        var corrections = new List<Correction>();
        while (reader.Read())
            corrections.Add(new Correction(
                reader.GetInt64(reader.GetOrdinal("correction_id")),
                reader.GetString(reader.GetOrdinal("document_id")),
                reader.GetString(reader.GetOrdinal("text_sha256")),
                reader.GetString(reader.GetOrdinal("previous_type")),
                reader.GetString(reader.GetOrdinal("corrected_type")),
                reader.GetString(reader.GetOrdinal("previous_department")),
                reader.GetString(reader.GetOrdinal("department")),
                reader.GetString(reader.GetOrdinal("source")),
                reader.GetString(reader.GetOrdinal("actor")),
                Parse(reader.GetString(reader.GetOrdinal("recorded_at")))));
        return corrections;
    }

    /// <summary>The latest correction of each document: a document corrected twice is one example, with the last word.</summary>
    public IReadOnlyList<Correction> ListLatestCorrections() =>
        ListCorrections().GroupBy(c => c.DocumentId, StringComparer.Ordinal).Select(g => g.Last()).ToList();

    public InboxItem? FindInboxItem(string documentId)
    {
        using var connection = Open();
        return FindInboxItem(connection, null, documentId);
    }

    private static InboxItem? FindInboxItem(SqliteConnection connection, SqliteTransaction? transaction, string documentId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT * FROM inbox_items WHERE document_id = $id;";
        command.Parameters.AddWithValue("$id", documentId);
        return ReadInbox(command).SingleOrDefault();
    }
}
