using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;

namespace ScanPipeline.IntegrationTests.Messaging;

/// <summary>Messages with ids unique per test, so tests sharing a virtual host can tell their messages apart.</summary>
internal static class TestMessages
{
    public static BatchReceived Batch(string? name = null)
    {
        var sha = Ids.Sha256Hex(Guid.NewGuid().ToByteArray());
        return new BatchReceived(Ids.BatchId(sha), "linie-1", sha, name ?? "scan-0001.pdf", MediaTypes.Pdf, 123_456,
            new DateTimeOffset(2026, 3, 3, 8, 15, 0, TimeSpan.FromHours(1)));
    }

    public static DocumentRouted Routed(string target)
    {
        var sha = Ids.Sha256Hex(Guid.NewGuid().ToByteArray());
        var text = Ids.Sha256Hex("Bauantrag"u8);
        return new DocumentRouted(Ids.DocumentId(sha, 0), Ids.BatchId(sha), "linie-2", sha, "bauantrag.pdf", MediaTypes.Pdf,
            [1, 2, 3], text, sha, "Bauantrag", 0.93, target, "rule", "2026-03-01", 91.5, 0,
            new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.FromHours(1)), 4.2);
    }

    public static string IdOf(BatchReceived batch) => $"{batch.BatchId}/{BatchReceived.Name}";
}
