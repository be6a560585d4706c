using System.Globalization;
using Microsoft.Data.Sqlite;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Separation;

namespace ScanPipeline.Storage;

public sealed record BatchRecord(
    string BatchId, string ScannerLine, string OriginalSha256, string FileName, string MediaType,
    long SizeBytes, DateTimeOffset ReceivedAt, string Status,
    int? PagesIn = null, int? PagesInDocuments = null, int? PagesRemoved = null, int? DocumentCount = null,
    string? ReasonCode = null, string? Reason = null);

public sealed record InboxItem(
    string DocumentId, string Department, string DocumentType, double Confidence, string RoutingReason,
    string ModelVersion, string BatchId, string ScannerLine, string SourceFile, int PageCount,
    DateTimeOffset ReceivedAt, DateTimeOffset DeliveredAt, double ProcessingSeconds, string Status,
    string TextSha256, string? PdfSha256);

/// <summary>A document cut out of a batch: its position, its deterministic id and the batch pages it holds.</summary>
public sealed record SeparatedDocument(int DocumentIndex, string DocumentId, IReadOnlyList<int> Pages);

/// <summary>
/// A batch's separation record: the rule applied, the documents with their pages, and every removed page with
/// its reason. Pages in = pages in documents + pages removed, and every page 1..N is in exactly one place.
/// </summary>
public sealed record SeparationRecord(
    string BatchId, string Rule, int PagesIn, IReadOnlyList<SeparatedDocument> Documents, IReadOnlyList<RemovedPage> Removed)
{
    public int PagesInDocuments => Documents.Sum(d => d.Pages.Count);
    public int PagesRemoved => Removed.Count;
}

public static class InboxStatus
{
    public const string New = "neu";

    /// <summary>A case worker marked the document as dealt with (erledigt).</summary>
    public const string Done = "erledigt";
}

public static class BatchStatus
{
    public const string Received = "received";
    public const string Split = "split";
    public const string Quarantined = "quarantined";
}

/// <summary>
/// Batches, documents and department inboxes in one embedded SQLite database (WAL mode, so several
/// worker processes on one machine can share it). Every write is keyed by a deterministic id and is
/// an upsert or insert-or-ignore, so a redelivered message changes nothing.
/// </summary>
public sealed partial class MetadataStore
{
    private readonly string _connectionString;

    public MetadataStore(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        Execute(connection, Schema);
    }

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS batches (
            batch_id TEXT PRIMARY KEY,
            scanner_line TEXT NOT NULL,
            original_sha256 TEXT NOT NULL,
            file_name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size_bytes INTEGER NOT NULL,
            received_at TEXT NOT NULL,
            status TEXT NOT NULL,
            pages_in INTEGER,
            pages_in_documents INTEGER,
            pages_removed INTEGER,
            document_count INTEGER,
            reason_code TEXT,
            reason TEXT
        );
        CREATE TABLE IF NOT EXISTS inbox_items (
            document_id TEXT PRIMARY KEY,
            department TEXT NOT NULL,
            document_type TEXT NOT NULL,
            confidence REAL NOT NULL,
            routing_reason TEXT NOT NULL,
            model_version TEXT NOT NULL,
            batch_id TEXT NOT NULL,
            scanner_line TEXT NOT NULL,
            source_file TEXT NOT NULL,
            page_count INTEGER NOT NULL,
            received_at TEXT NOT NULL,
            delivered_at TEXT NOT NULL,
            processing_seconds REAL NOT NULL,
            status TEXT NOT NULL,
            text_sha256 TEXT NOT NULL,
            pdf_sha256 TEXT
        );
        CREATE TABLE IF NOT EXISTS batch_separations (
            batch_id TEXT PRIMARY KEY,
            rule TEXT NOT NULL,
            pages_in INTEGER NOT NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS batch_documents (
            batch_id TEXT NOT NULL,
            document_index INTEGER NOT NULL,
            document_id TEXT NOT NULL,
            pages TEXT NOT NULL,
            PRIMARY KEY (batch_id, document_index)
        );
        CREATE TABLE IF NOT EXISTS batch_removed_pages (
            batch_id TEXT NOT NULL,
            page_number INTEGER NOT NULL,
            reason TEXT NOT NULL,
            detail TEXT,
            PRIMARY KEY (batch_id, page_number)
        );
        CREATE TABLE IF NOT EXISTS quarantined_documents (
            document_id TEXT PRIMARY KEY,
            batch_id TEXT NOT NULL,
            reason_code TEXT NOT NULL,
            reason TEXT NOT NULL,
            quarantined_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS corrections (
            correction_id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id TEXT NOT NULL,
            text_sha256 TEXT NOT NULL,
            previous_type TEXT NOT NULL,
            corrected_type TEXT NOT NULL,
            previous_department TEXT NOT NULL,
            department TEXT NOT NULL,
            source TEXT NOT NULL,
            actor TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS case_files (
            reference_key TEXT PRIMARY KEY,
            reference TEXT NOT NULL,
            department TEXT NOT NULL,
            title TEXT NOT NULL,
            registered_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS document_fields (
            document_id TEXT PRIMARY KEY,
            fields_json TEXT NOT NULL,
            case_file_reference TEXT
        );
        CREATE TABLE IF NOT EXISTS document_summaries (
            entry INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL UNIQUE,
            sender TEXT,
            subject TEXT,
            file_reference TEXT,
            cash_reference TEXT,
            top_scores TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE IF NOT EXISTS document_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
        CREATE TABLE IF NOT EXISTS document_notes (
            note_id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id TEXT NOT NULL,
            author TEXT NOT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS document_assignments (
            document_id TEXT PRIMARY KEY,
            assignee TEXT NOT NULL,
            assigned_by TEXT NOT NULL,
            assigned_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS users (
            name TEXT PRIMARY KEY,
            password_hash TEXT,
            role TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS user_departments (
            name TEXT NOT NULL,
            department TEXT NOT NULL,
            PRIMARY KEY (name, department)
        );
        CREATE TABLE IF NOT EXISTS audit_log (
            entry_id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            document_id TEXT,
            detail TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_audit_document ON audit_log (document_id, entry_id);
        CREATE INDEX IF NOT EXISTS ix_notes_document ON document_notes (document_id, note_id);
        CREATE INDEX IF NOT EXISTS ix_inbox_department_received ON inbox_items (department, received_at);
        CREATE INDEX IF NOT EXISTS ix_inbox_department_type ON inbox_items (department, document_type, received_at);
        CREATE INDEX IF NOT EXISTS ix_inbox_department_status ON inbox_items (department, status, received_at);
        CREATE INDEX IF NOT EXISTS ix_document_fields_case_file ON document_fields (case_file_reference);
        CREATE INDEX IF NOT EXISTS ix_corrections_document ON corrections (document_id);
        CREATE INDEX IF NOT EXISTS ix_quarantined_documents_batch ON quarantined_documents (batch_id);
        CREATE INDEX IF NOT EXISTS ix_inbox_department ON inbox_items (department, delivered_at);
        CREATE INDEX IF NOT EXISTS ix_inbox_batch ON inbox_items (batch_id);
        CREATE TABLE IF NOT EXISTS queue_depth_samples (
            sampled_at TEXT NOT NULL,
            queue TEXT NOT NULL,
            ready INTEGER NOT NULL,
            PRIMARY KEY (sampled_at, queue)
        );
        CREATE INDEX IF NOT EXISTS ix_batches_received ON batches (received_at);
        CREATE INDEX IF NOT EXISTS ix_inbox_delivered ON inbox_items (delivered_at);
        CREATE INDEX IF NOT EXISTS ix_quarantined_documents_at ON quarantined_documents (quarantined_at);
        """;

    private SqliteConnection Open()
    {
        try
        {
            var connection = new SqliteConnection(_connectionString);
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 30000;");
            return connection;
        }
        catch (SqliteException ex)
        {
            throw new StoreUnavailableException($"Metadata store unavailable: {ex.Message}", ex);
        }
    }

    /// <summary>Records a received batch; a second call for the same batch keeps the first record.</summary>
    public void RecordBatchReceived(BatchRecord batch)
    {
        using var connection = Open();
        Execute(connection, """
            INSERT INTO batches (batch_id, scanner_line, original_sha256, file_name, media_type, size_bytes, received_at, status)
            VALUES ($id, $line, $sha, $file, $media, $size, $at, $status)
            ON CONFLICT (batch_id) DO NOTHING;
            """,
            ("$id", batch.BatchId), ("$line", batch.ScannerLine), ("$sha", batch.OriginalSha256),
            ("$file", batch.FileName), ("$media", batch.MediaType), ("$size", batch.SizeBytes),
            ("$at", Format(batch.ReceivedAt)), ("$status", BatchStatus.Received));
    }

    /// <summary>
    /// Stores the separation counts; pages in = pages in documents + pages removed. A late redelivery of the
    /// batch never hides a quarantine that a later stage recorded.
    /// </summary>
    public void RecordBatchSplit(string batchId, int pagesIn, int pagesInDocuments, int pagesRemoved, int documentCount)
    {
        if (pagesIn != pagesInDocuments + pagesRemoved)
            throw new InvalidOperationException($"Batch {batchId}: page counts do not reconcile ({pagesIn} != {pagesInDocuments} + {pagesRemoved}).");
        using var connection = Open();
        Execute(connection, """
            UPDATE batches SET status = $status, pages_in = $in, pages_in_documents = $docs, pages_removed = $removed,
                document_count = $count, reason_code = NULL, reason = NULL
            WHERE batch_id = $id AND status <> $quarantined;
            """,
            ("$id", batchId), ("$status", BatchStatus.Split), ("$quarantined", BatchStatus.Quarantined), ("$in", pagesIn), ("$docs", pagesInDocuments),
            ("$removed", pagesRemoved), ("$count", documentCount));
    }

    /// <summary>
    /// Stores a batch's separation record and its counts in one transaction. The record is immutable by batch id:
    /// when one is already stored (a redelivery, or a competing worker was first), nothing is written and the stored
    /// record is returned, so the caller publishes exactly the documents recorded the first time.
    /// </summary>
    public SeparationRecord RecordSeparation(SeparationRecord record)
    {
        CheckReconciles(record);
        using var connection = Open();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            if (ReadSeparation(connection, transaction, record.BatchId) is { } stored) return stored;
            Write(connection, transaction, """
                INSERT INTO batch_separations (batch_id, rule, pages_in, recorded_at) VALUES ($id, $rule, $in, $at);
                """, ("$id", record.BatchId), ("$rule", record.Rule), ("$in", record.PagesIn), ("$at", Format(DateTimeOffset.UtcNow)));
            foreach (var document in record.Documents)
                Write(connection, transaction, """
                    INSERT INTO batch_documents (batch_id, document_index, document_id, pages) VALUES ($id, $index, $doc, $pages);
                    """, ("$id", record.BatchId), ("$index", document.DocumentIndex), ("$doc", document.DocumentId),
                    ("$pages", string.Join(',', document.Pages)));
            foreach (var page in record.Removed)
                Write(connection, transaction, """
                    INSERT INTO batch_removed_pages (batch_id, page_number, reason, detail) VALUES ($id, $page, $reason, $detail);
                    """, ("$id", record.BatchId), ("$page", page.PageNumber), ("$reason", page.Reason), ("$detail", (object?)page.Detail ?? DBNull.Value));
            Write(connection, transaction, """
                UPDATE batches SET status = $status, pages_in = $in, pages_in_documents = $docs, pages_removed = $removed,
                    document_count = $count, reason_code = NULL, reason = NULL
                WHERE batch_id = $id AND status <> $quarantined;
                """,
                ("$id", record.BatchId), ("$status", BatchStatus.Split), ("$quarantined", BatchStatus.Quarantined),
                ("$in", record.PagesIn), ("$docs", record.PagesInDocuments), ("$removed", record.PagesRemoved),
                ("$count", record.Documents.Count));
            transaction.Commit();
            return record;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 or 10 or 13 or 14)
        {
            throw new StoreUnavailableException($"Metadata store write failed: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Marks one document of a batch as quarantined (a later stage could not process it), so that a batch with several
    /// documents is known to be finished once each one is delivered or quarantined. The first record wins.
    /// </summary>
    public void RecordDocumentQuarantined(string documentId, string batchId, string reasonCode, string reason)
    {
        using var connection = Open();
        Execute(connection, """
            INSERT INTO quarantined_documents (document_id, batch_id, reason_code, reason, quarantined_at)
            VALUES ($doc, $batch, $code, $reason, $at)
            ON CONFLICT (document_id) DO NOTHING;
            """,
            ("$doc", documentId), ("$batch", batchId), ("$code", reasonCode), ("$reason", reason), ("$at", Format(DateTimeOffset.UtcNow)));
    }

    /// <summary>The quarantined documents of a batch: document id → reason code.</summary>
    public IReadOnlyDictionary<string, string> ListQuarantinedDocuments(string batchId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT document_id, reason_code FROM quarantined_documents WHERE batch_id = $batch ORDER BY document_id;";
        command.Parameters.AddWithValue("$batch", batchId);
        using var reader = command.ExecuteReader();
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) documents[reader.GetString(0)] = reader.GetString(1);
        return documents;
    }

    public SeparationRecord? FindSeparation(string batchId)
    {
        using var connection = Open();
        return ReadSeparation(connection, null, batchId);
    }

    /// <summary>Every page 1..N in exactly one place (a document or the removed list), and documents numbered 0..k-1.</summary>
    private static void CheckReconciles(SeparationRecord record)
    {
        if (record.PagesIn != record.PagesInDocuments + record.PagesRemoved)
            throw new InvalidOperationException(
                $"Batch {record.BatchId}: page counts do not reconcile ({record.PagesIn} != {record.PagesInDocuments} + {record.PagesRemoved}).");
        var placed = record.Documents.SelectMany(d => d.Pages).Concat(record.Removed.Select(r => r.PageNumber)).Order().ToList();
        if (!placed.SequenceEqual(Enumerable.Range(1, record.PagesIn)))
            throw new InvalidOperationException($"Batch {record.BatchId}: every page 1..{record.PagesIn} must be in exactly one document or removed.");
        if (!record.Documents.Select(d => d.DocumentIndex).SequenceEqual(Enumerable.Range(0, record.Documents.Count)))
            throw new InvalidOperationException($"Batch {record.BatchId}: documents must be numbered 0..{record.Documents.Count - 1} in order.");
        if (record.Documents.Any(d => d.Pages.Count == 0))
            throw new InvalidOperationException($"Batch {record.BatchId}: a document without pages.");
    }

    private static SeparationRecord? ReadSeparation(SqliteConnection connection, SqliteTransaction? transaction, string batchId)
    {
        SqliteCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", batchId);
            return command;
        }

        string rule;
        int pagesIn;
        using (var header = Command("SELECT rule, pages_in FROM batch_separations WHERE batch_id = $id;"))
        using (var reader = header.ExecuteReader())
        {
            if (!reader.Read()) return null;
            rule = reader.GetString(0);
            pagesIn = reader.GetInt32(1);
        }
        var documents = new List<SeparatedDocument>();
        using (var command = Command("SELECT document_index, document_id, pages FROM batch_documents WHERE batch_id = $id ORDER BY document_index;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                documents.Add(new SeparatedDocument(reader.GetInt32(0), reader.GetString(1),
                    reader.GetString(2).Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList()));
        }
        var removed = new List<RemovedPage>();
        using (var command = Command("SELECT page_number, reason, detail FROM batch_removed_pages WHERE batch_id = $id ORDER BY page_number;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                removed.Add(new RemovedPage(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        return new SeparationRecord(batchId, rule, pagesIn, documents, removed);
    }

    private static void Write(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    public void RecordBatchQuarantined(string batchId, string reasonCode, string reason)
    {
        using var connection = Open();
        Execute(connection, "UPDATE batches SET status = $status, reason_code = $code, reason = $reason WHERE batch_id = $id;",
            ("$id", batchId), ("$status", BatchStatus.Quarantined), ("$code", reasonCode), ("$reason", reason));
    }

    /// <summary>
    /// Takes a batch out of quarantine before an operator retries it: its status goes back to received and
    /// its quarantined documents are forgotten, so that the retry's outcome is what the batch shows.
    /// </summary>
    public void ClearBatchQuarantine(string batchId)
    {
        using var connection = Open();
        Execute(connection, """
            UPDATE batches SET status = $received, reason_code = NULL, reason = NULL WHERE batch_id = $id AND status = $quarantined;
            DELETE FROM quarantined_documents WHERE batch_id = $id;
            """, ("$id", batchId), ("$received", BatchStatus.Received), ("$quarantined", BatchStatus.Quarantined));
    }

    public BatchRecord? FindBatch(string batchId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM batches WHERE batch_id = $id;";
        command.Parameters.AddWithValue("$id", batchId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadBatch(reader) : null;
    }

    /// <summary>Files the document in a department inbox (or verification). Idempotent: the first delivery wins.</summary>
    public bool AddInboxItem(InboxItem item)
    {
        using var connection = Open();
        return Execute(connection, """
            INSERT INTO inbox_items (document_id, department, document_type, confidence, routing_reason, model_version,
                batch_id, scanner_line, source_file, page_count, received_at, delivered_at, processing_seconds, status,
                text_sha256, pdf_sha256)
            VALUES ($id, $dept, $type, $conf, $reason, $model, $batch, $line, $file, $pages, $received, $delivered,
                $seconds, $status, $text, $pdf)
            ON CONFLICT (document_id) DO NOTHING;
            """,
            ("$id", item.DocumentId), ("$dept", item.Department), ("$type", item.DocumentType), ("$conf", item.Confidence),
            ("$reason", item.RoutingReason), ("$model", item.ModelVersion), ("$batch", item.BatchId),
            ("$line", item.ScannerLine), ("$file", item.SourceFile), ("$pages", item.PageCount),
            ("$received", Format(item.ReceivedAt)), ("$delivered", Format(item.DeliveredAt)),
            ("$seconds", item.ProcessingSeconds), ("$status", item.Status), ("$text", item.TextSha256),
            ("$pdf", (object?)item.PdfSha256 ?? DBNull.Value)) == 1;
    }

    public IReadOnlyList<InboxItem> ListInbox(string department, int limit = 1000)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM inbox_items WHERE department = $dept ORDER BY delivered_at, document_id LIMIT $limit;";
        command.Parameters.AddWithValue("$dept", department);
        command.Parameters.AddWithValue("$limit", limit);
        return ReadInbox(command);
    }

    public IReadOnlyList<InboxItem> ListInboxByBatch(string batchId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM inbox_items WHERE batch_id = $batch ORDER BY document_id;";
        command.Parameters.AddWithValue("$batch", batchId);
        return ReadInbox(command);
    }

    public IReadOnlyDictionary<string, int> CountInboxByDepartment()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT department, COUNT(*) FROM inbox_items GROUP BY department ORDER BY department;";
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }

    private static List<InboxItem> ReadInbox(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var items = new List<InboxItem>();
        while (reader.Read()) items.Add(ReadInboxRow(reader));
        return items;
    }

    private static InboxItem ReadInboxRow(SqliteDataReader reader) => new(
        reader.GetString(reader.GetOrdinal("document_id")),
        reader.GetString(reader.GetOrdinal("department")),
        reader.GetString(reader.GetOrdinal("document_type")),
        reader.GetDouble(reader.GetOrdinal("confidence")),
        reader.GetString(reader.GetOrdinal("routing_reason")),
        reader.GetString(reader.GetOrdinal("model_version")),
        reader.GetString(reader.GetOrdinal("batch_id")),
        reader.GetString(reader.GetOrdinal("scanner_line")),
        reader.GetString(reader.GetOrdinal("source_file")),
        reader.GetInt32(reader.GetOrdinal("page_count")),
        Parse(reader.GetString(reader.GetOrdinal("received_at"))),
        Parse(reader.GetString(reader.GetOrdinal("delivered_at"))),
        reader.GetDouble(reader.GetOrdinal("processing_seconds")),
        reader.GetString(reader.GetOrdinal("status")),
        reader.GetString(reader.GetOrdinal("text_sha256")),
        reader.IsDBNull(reader.GetOrdinal("pdf_sha256")) ? null : reader.GetString(reader.GetOrdinal("pdf_sha256")));

    private static BatchRecord ReadBatch(SqliteDataReader r)
    {
        int? NullableInt(string column) => r.IsDBNull(r.GetOrdinal(column)) ? null : r.GetInt32(r.GetOrdinal(column));
        string? NullableString(string column) => r.IsDBNull(r.GetOrdinal(column)) ? null : r.GetString(r.GetOrdinal(column));
        return new BatchRecord(
            r.GetString(r.GetOrdinal("batch_id")), r.GetString(r.GetOrdinal("scanner_line")),
            r.GetString(r.GetOrdinal("original_sha256")), r.GetString(r.GetOrdinal("file_name")),
            r.GetString(r.GetOrdinal("media_type")), r.GetInt64(r.GetOrdinal("size_bytes")),
            Parse(r.GetString(r.GetOrdinal("received_at"))), r.GetString(r.GetOrdinal("status")),
            NullableInt("pages_in"), NullableInt("pages_in_documents"), NullableInt("pages_removed"),
            NullableInt("document_count"), NullableString("reason_code"), NullableString("reason"));
    }

    private static int Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        try
        {
            return command.ExecuteNonQuery();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 or 10 or 13 or 14)
        {
            // BUSY, LOCKED, IOERR, FULL, CANTOPEN: the store may come back; the message is retried.
            throw new StoreUnavailableException($"Metadata store write failed: {ex.Message}", ex);
        }
    }

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
