using System.Security.Cryptography;
using System.Text;

namespace ScanPipeline.Core.Documents;

/// <summary>
/// Deterministic ids: a redelivered message or a re-scanned identical file yields the same ids,
/// which is what makes every stage's effect idempotent.
/// </summary>
public static class Ids
{
    public static string BatchId(string originalSha256) => "b-" + originalSha256[..20];

    public static string DocumentId(string originalSha256, int documentIndex)
    {
        var bytes = SHA256.HashData(Encoding.ASCII.GetBytes($"{originalSha256}/{documentIndex}"));
        return "d-" + Convert.ToHexStringLower(bytes)[..20];
    }

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static async Task<string> Sha256HexAsync(Stream stream, CancellationToken ct = default) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));

    /// <summary>A content hash is exactly 64 lower-case hex digits; anything else never becomes a path.</summary>
    public static bool IsSha256Hex(string? value) =>
        value is { Length: 64 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
