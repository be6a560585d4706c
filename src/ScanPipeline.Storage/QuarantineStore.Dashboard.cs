using System.Globalization;
using System.Text.Json;

namespace ScanPipeline.Storage;

public sealed partial class QuarantineStore
{
    /// <summary>
    /// Files quarantined at or after <paramref name="since"/>, open or already resolved, oldest first: the
    /// dashboard's errors of the last 24 hours. A resolved folder's name carries its resolution time
    /// (see <see cref="Resolve"/>); folders resolved before <paramref name="since"/> were quarantined before it
    /// too and are skipped unread, so the cost stays with the recent items, not with the whole history.
    /// </summary>
    public IReadOnlyList<QuarantineReason> ListQuarantinedSince(DateTimeOffset since)
    {
        var items = List().Where(r => r.QuarantinedAt >= since).ToList();
        if (Directory.Exists(ResolvedRoot))
            foreach (var folder in Directory.EnumerateDirectories(ResolvedRoot))
            {
                if (ResolvedAt(Path.GetFileName(folder)) is { } resolvedAt && resolvedAt < since) continue;
                var file = Path.Combine(folder, "reason.json");
                if (!File.Exists(file)) continue;
                var reason = JsonSerializer.Deserialize<QuarantineReason>(File.ReadAllBytes(file), JsonOptions);
                if (reason is not null && reason.QuarantinedAt >= since) items.Add(reason);
            }
        return items.OrderBy(r => r.QuarantinedAt).ToList();
    }

    /// <summary>The time in a resolved folder's name, "q-…-yyyyMMddTHHmmssfffZ"; null if the name has none.</summary>
    private static DateTimeOffset? ResolvedAt(string? folderName)
    {
        var dash = folderName?.LastIndexOf('-') ?? -1;
        return dash > 0 && DateTimeOffset.TryParseExact(folderName![(dash + 1)..], "yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;
    }
}
