namespace ScanPipeline.Storage;

/// <summary>One line of the audit log: who did what, when, to which document.</summary>
public sealed record AuditEntry(long EntryId, DateTimeOffset At, string Actor, string Action, string? DocumentId, string? Detail);

/// <summary>What the audit log records. Views and downloads of a document are always recorded.</summary>
public static class AuditAction
{
    public const string View = "view";
    public const string Download = "download";
    public const string MarkDone = "mark-done";
    public const string AddNote = "note";
    public const string Assign = "assign";
    public const string Forward = "forward";
    public const string Verify = "verify";
    public const string QuarantineRetry = "quarantine-retry";
    public const string QuarantineDiscard = "quarantine-discard";
    public const string ModelPromote = "model-promote";
    public const string ModelRollback = "model-rollback";
    public const string ModelTrain = "model-train";
    public const string ConfigChange = "config-change";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
}

public sealed partial class MetadataStore
{
    public void Audit(string actor, string action, string? documentId, string? detail, DateTimeOffset at)
    {
        using var connection = Open();
        Execute(connection, "INSERT INTO audit_log (at, actor, action, document_id, detail) VALUES ($at, $actor, $action, $doc, $detail);",
            ("$at", Format(at)), ("$actor", actor), ("$action", action), ("$doc", (object?)documentId ?? DBNull.Value),
            ("$detail", (object?)detail ?? DBNull.Value));
    }

    /// <summary>The document's audit trail, oldest first.</summary>
    public IReadOnlyList<AuditEntry> ListAudit(string documentId) => ReadAudit("WHERE document_id = $doc ORDER BY entry_id", ("$doc", documentId));

    /// <summary>The latest entries, newest first.</summary>
    public IReadOnlyList<AuditEntry> ListRecentAudit(int limit) => ReadAudit("ORDER BY entry_id DESC LIMIT $limit", ("$limit", limit));

    private List<AuditEntry> ReadAudit(string clause, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT entry_id, at, actor, action, document_id, detail FROM audit_log {clause};";
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
            entries.Add(new AuditEntry(reader.GetInt64(0), Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        return entries;
    }
}
