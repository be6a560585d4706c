using Microsoft.Data.Sqlite;
using ScanPipeline.Core.Documents;

namespace ScanPipeline.Storage;

/// <summary>The pages of one split batch and when it arrived, for throughput figures.</summary>
public sealed record BatchPages(string ScannerLine, DateTimeOffset ReceivedAt, int Pages);

/// <summary>Messages ready in one queue at one moment, as the dashboard's sampler read them from the broker.</summary>
public sealed record QueueDepthSample(DateTimeOffset SampledAt, string Queue, long Ready);

/// <summary>The operators' dashboard: throughput, deliveries and errors, and the queue-depth history.</summary>
public sealed partial class MetadataStore
{
    /// <summary>
    /// Batches received at or after <paramref name="since"/> whose pages are counted (split), oldest first.
    /// A batch not split yet has no page count and is left out until it is.
    /// </summary>
    public IReadOnlyList<BatchPages> ListBatchPagesSince(DateTimeOffset since)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT scanner_line, received_at, pages_in FROM batches
            WHERE received_at >= $since AND pages_in IS NOT NULL
            ORDER BY received_at, batch_id;
            """;
        command.Parameters.AddWithValue("$since", Format(since));
        using var reader = command.ExecuteReader();
        var batches = new List<BatchPages>();
        while (reader.Read()) batches.Add(new BatchPages(reader.GetString(0), Parse(reader.GetString(1)), reader.GetInt32(2)));
        return batches;
    }

    /// <summary>Documents delivered at or after <paramref name="since"/> per department (or "verification").</summary>
    public IReadOnlyDictionary<string, int> CountDeliveredByDepartmentSince(DateTimeOffset since)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT department, COUNT(*) FROM inbox_items WHERE delivered_at >= $since GROUP BY department;";
        command.Parameters.AddWithValue("$since", Format(since));
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }

    /// <summary>Documents quarantined at or after <paramref name="since"/> per reason code.</summary>
    public IReadOnlyDictionary<string, int> CountQuarantinedDocumentsSince(DateTimeOffset since)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT reason_code, COUNT(*) FROM quarantined_documents WHERE quarantined_at >= $since GROUP BY reason_code;";
        command.Parameters.AddWithValue("$since", Format(since));
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }

    /// <summary>Stores one reading of the queue depths, all with the same time. A second reading at the same time changes nothing.</summary>
    public void RecordQueueDepths(DateTimeOffset sampledAt, IEnumerable<(string Queue, long Ready)> depths)
    {
        using var connection = Open();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var (queue, ready) in depths)
                Write(connection, transaction, """
                    INSERT INTO queue_depth_samples (sampled_at, queue, ready) VALUES ($at, $queue, $ready)
                    ON CONFLICT (sampled_at, queue) DO NOTHING;
                    """, ("$at", Format(sampledAt)), ("$queue", queue), ("$ready", ready));
            transaction.Commit();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 or 10 or 13 or 14)
        {
            throw new StoreUnavailableException($"Metadata store write failed: {ex.Message}", ex);
        }
    }

    /// <summary>Queue-depth samples taken at or after <paramref name="since"/>, oldest first.</summary>
    public IReadOnlyList<QueueDepthSample> ListQueueDepthsSince(DateTimeOffset since)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sampled_at, queue, ready FROM queue_depth_samples WHERE sampled_at >= $since ORDER BY sampled_at, queue;";
        command.Parameters.AddWithValue("$since", Format(since));
        using var reader = command.ExecuteReader();
        var samples = new List<QueueDepthSample>();
        while (reader.Read()) samples.Add(new QueueDepthSample(Parse(reader.GetString(0)), reader.GetString(1), reader.GetInt64(2)));
        return samples;
    }

    /// <summary>Deletes the samples taken before <paramref name="before"/>; returns how many.</summary>
    public int PruneQueueDepths(DateTimeOffset before)
    {
        using var connection = Open();
        return Execute(connection, "DELETE FROM queue_depth_samples WHERE sampled_at < $before;", ("$before", Format(before)));
    }
}
