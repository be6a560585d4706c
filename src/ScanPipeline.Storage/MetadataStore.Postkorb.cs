using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ScanPipeline.Storage;

/// <summary>What the inbox list shows of a document beyond its routing: read from its text at delivery.</summary>
/// <param name="TopScores">The model's best types with their confidences when it routed the document, best first.</param>
public sealed record DocumentSummary(
    string? Sender, string? Subject, string? FileReference, string? CashReference, IReadOnlyList<TypeScore> TopScores);

public sealed record TypeScore(string DocumentType, double Confidence);

/// <summary>One row of a department's inbox (Postkorb).</summary>
public sealed record InboxListItem(InboxItem Item, DocumentSummary Summary, string? Assignee);

/// <summary>
/// A search of the inbox. <see cref="Departments"/> is the access boundary: only documents of these
/// departments (or the verification list, for operators) are ever read. Empty means nothing is found.
/// </summary>
public sealed record InboxQuery(
    IReadOnlyCollection<string> Departments,
    string? Text = null,
    string? DocumentType = null,
    string? Status = null,
    DateOnly? ReceivedFrom = null,
    DateOnly? ReceivedTo = null,
    int Limit = 50,
    int Offset = 0,
    bool OldestFirst = false);

/// <param name="Total">Matches, counted up to <see cref="MetadataStore.MaxCounted"/>.</param>
/// <param name="TotalIsCapped">More than <see cref="MetadataStore.MaxCounted"/> documents match; <see cref="Total"/> is that cap.</param>
public sealed record InboxPage(IReadOnlyList<InboxListItem> Items, int Total, bool TotalIsCapped = false);

public sealed record DocumentNote(long NoteId, string DocumentId, string Author, string Text, DateTimeOffset CreatedAt);

public sealed partial class MetadataStore
{
    /// <summary>
    /// Matches are counted up to this number: counting every hit of a common word in a department with
    /// 100,000 documents costs more than showing them, and nobody pages beyond it.
    /// </summary>
    public const int MaxCounted = 10_000;

    /// <summary>
    /// Stores the list summary and the full-text index entry of a filed document. Call after
    /// <see cref="AddInboxItem"/>; a second call replaces both (redelivery, or a re-index).
    /// </summary>
    public void IndexDocument(string documentId, string text, DocumentSummary summary)
    {
        using var connection = Open();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            Write(connection, transaction, """
                INSERT INTO document_summaries (document_id, sender, subject, file_reference, cash_reference, top_scores)
                VALUES ($id, $sender, $subject, $file, $cash, $scores)
                ON CONFLICT (document_id) DO UPDATE SET sender = excluded.sender, subject = excluded.subject,
                    file_reference = excluded.file_reference, cash_reference = excluded.cash_reference,
                    top_scores = excluded.top_scores;
                """,
                ("$id", documentId), ("$sender", (object?)summary.Sender ?? DBNull.Value),
                ("$subject", (object?)summary.Subject ?? DBNull.Value), ("$file", (object?)summary.FileReference ?? DBNull.Value),
                ("$cash", (object?)summary.CashReference ?? DBNull.Value), ("$scores", FormatScores(summary.TopScores)));
            // The index row's rowid is the summary's entry number (an INTEGER PRIMARY KEY, kept by VACUUM), given
            // in delivery order: a search reads the index newest first and stops after one page.
            Write(connection, transaction, """
                DELETE FROM document_search WHERE rowid = (SELECT entry FROM document_summaries WHERE document_id = $id);
                INSERT INTO document_search (rowid, body)
                SELECT entry, $body FROM document_summaries WHERE document_id = $id;
                """, ("$id", documentId), ("$body", string.Join('\n', text, summary.Sender, summary.Subject)));
            transaction.Commit();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 or 10 or 13 or 14)
        {
            throw new Core.Documents.StoreUnavailableException($"Metadata store write failed: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// A page of the inbox, newest first (or oldest first), with the number of matches. A list is in order of
    /// receipt; search hits are in order of delivery, which is the same order except for documents re-processed later.
    /// </summary>
    public InboxPage SearchInbox(InboxQuery query)
    {
        if (query.Departments.Count == 0) return new InboxPage([], 0);
        using var connection = Open();
        using var command = connection.CreateCommand();
        var where = new StringBuilder();
        var i = 0;
        where.Append("i.department IN (");
        foreach (var department in query.Departments)
        {
            where.Append(i == 0 ? "" : ", ").Append("$d").Append(i);
            command.Parameters.AddWithValue("$d" + i++, department);
        }
        where.Append(')');
        var match = MatchExpression(query.Text);
        if (match is not null) command.Parameters.AddWithValue("$match", match);
        if (!string.IsNullOrWhiteSpace(query.DocumentType))
        {
            where.Append(" AND i.document_type = $type");
            command.Parameters.AddWithValue("$type", query.DocumentType);
        }
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            where.Append(" AND i.status = $status");
            command.Parameters.AddWithValue("$status", query.Status);
        }
        if (query.ReceivedFrom is { } from)
        {
            where.Append(" AND i.received_at >= $from");
            command.Parameters.AddWithValue("$from", Format(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        }
        if (query.ReceivedTo is { } to)
        {
            where.Append(" AND i.received_at < $to");
            command.Parameters.AddWithValue("$to", Format(new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        }

        // With words to search for, the full-text index leads: it is read newest delivery first and each hit is
        // checked against the filters, so a page of a common word's 60,000 hits costs one page of lookups.
        // Without, the inbox index (department, received_at) leads.
        var source = match is null
            ? "inbox_items i LEFT JOIN document_summaries s ON s.document_id = i.document_id"
            : "document_search f JOIN document_summaries s ON s.entry = f.rowid JOIN inbox_items i ON i.document_id = s.document_id";
        var filter = match is null ? where.ToString() : $"document_search MATCH $match AND {where}";
        var order = match is null
            ? $"i.received_at {(query.OldestFirst ? "ASC" : "DESC")}, i.document_id"
            : $"f.rowid {(query.OldestFirst ? "ASC" : "DESC")}";

        command.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM {source} WHERE {filter} LIMIT {MaxCounted + 1});";
        var counted = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);

        command.CommandText = $"""
            SELECT i.*, s.sender, s.subject, s.file_reference, s.cash_reference, s.top_scores, a.assignee
            FROM {source}
            LEFT JOIN document_assignments a ON a.document_id = i.document_id
            WHERE {filter}
            ORDER BY {order}
            LIMIT $limit OFFSET $offset;
            """;
        command.Parameters.AddWithValue("$limit", Math.Clamp(query.Limit, 1, 500));
        command.Parameters.AddWithValue("$offset", Math.Max(0, query.Offset));
        return new InboxPage(ReadListItems(command), Math.Min(counted, MaxCounted), counted > MaxCounted);
    }

    /// <summary>One document with its summary and assignee, whatever its department (the caller checks access).</summary>
    public InboxListItem? FindListItem(string documentId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT i.*, s.sender, s.subject, s.file_reference, s.cash_reference, s.top_scores, a.assignee
            FROM inbox_items i
            LEFT JOIN document_summaries s ON s.document_id = i.document_id
            LEFT JOIN document_assignments a ON a.document_id = i.document_id
            WHERE i.document_id = $id;
            """;
        command.Parameters.AddWithValue("$id", documentId);
        return ReadListItems(command).SingleOrDefault();
    }

    /// <summary>Sets a document's status (neu, erledigt). False when the document is not filed.</summary>
    public bool SetInboxStatus(string documentId, string status)
    {
        using var connection = Open();
        return Execute(connection, "UPDATE inbox_items SET status = $status WHERE document_id = $id;",
            ("$id", documentId), ("$status", status)) == 1;
    }

    public DocumentNote AddNote(string documentId, string author, string text, DateTimeOffset at)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO document_notes (document_id, author, text, created_at) VALUES ($id, $author, $text, $at)
            RETURNING note_id;
            """;
        command.Parameters.AddWithValue("$id", documentId);
        command.Parameters.AddWithValue("$author", author);
        command.Parameters.AddWithValue("$text", text);
        command.Parameters.AddWithValue("$at", Format(at));
        return new DocumentNote((long)command.ExecuteScalar()!, documentId, author, text, at);
    }

    public IReadOnlyList<DocumentNote> ListNotes(string documentId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM document_notes WHERE document_id = $id ORDER BY note_id;";
        command.Parameters.AddWithValue("$id", documentId);
        using var reader = command.ExecuteReader();
        var notes = new List<DocumentNote>();
        while (reader.Read())
            notes.Add(new DocumentNote(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Parse(reader.GetString(4))));
        return notes;
    }

    /// <summary>Assigns the document to a colleague; a later assignment replaces the earlier one.</summary>
    public void Assign(string documentId, string assignee, string assignedBy, DateTimeOffset at)
    {
        using var connection = Open();
        Execute(connection, """
            INSERT INTO document_assignments (document_id, assignee, assigned_by, assigned_at) VALUES ($id, $to, $by, $at)
            ON CONFLICT (document_id) DO UPDATE SET assignee = excluded.assignee, assigned_by = excluded.assigned_by,
                assigned_at = excluded.assigned_at;
            """, ("$id", documentId), ("$to", assignee), ("$by", assignedBy), ("$at", Format(at)));
    }

    /// <summary>
    /// The user's words as an FTS5 expression: every word must occur, the last one as a prefix (what is still being
    /// typed), and nothing the user types is read as FTS5 syntax. A reference such as 5.2026.001234.7 is one
    /// quoted phrase. Short last words are not prefixes: "5"* would expand to every number starting with 5.
    /// Null when there is no word to search for.
    /// </summary>
    internal static string? MatchExpression(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var terms = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => new string(t.Where(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '/').ToArray()).Trim('-', '.', '/'))
            .Where(t => t.Length > 0)
            .Take(12)
            .Select(t => "\"" + t + "\"")
            .ToList();
        if (terms.Count == 0) return null;
        if (terms[^1].Length >= 5 && terms[^1].All(c => c == '"' || char.IsLetter(c))) terms[^1] += "*";
        return string.Join(' ', terms);
    }

    private static List<InboxListItem> ReadListItems(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var result = new List<InboxListItem>();
        while (reader.Read())
        {
            string? Text(string column) => reader.IsDBNull(reader.GetOrdinal(column)) ? null : reader.GetString(reader.GetOrdinal(column));
            var summary = new DocumentSummary(Text("sender"), Text("subject"), Text("file_reference"), Text("cash_reference"),
                ParseScores(Text("top_scores")));
            result.Add(new InboxListItem(ReadInboxRow(reader), summary, Text("assignee")));
        }
        return result;
    }

    private static string FormatScores(IReadOnlyList<TypeScore> scores) =>
        System.Text.Json.JsonSerializer.Serialize(scores.Select(s => new[] { s.DocumentType, s.Confidence.ToString("R", CultureInfo.InvariantCulture) }));

    private static IReadOnlyList<TypeScore> ParseScores(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        var pairs = System.Text.Json.JsonSerializer.Deserialize<string[][]>(json) ?? [];
        return pairs.Where(p => p.Length == 2)
            .Select(p => new TypeScore(p[0], double.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
    }
}
