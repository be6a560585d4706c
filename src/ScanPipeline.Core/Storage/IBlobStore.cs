namespace ScanPipeline.Core.Storage;

/// <summary>
/// Content-addressed, immutable blob storage keyed by SHA-256 (64 lower-case hex digits).
/// Writes are atomic (temp then rename) and idempotent: putting the same bytes twice is a no-op.
/// </summary>
public interface IBlobStore
{
    Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default);
    Task<byte[]> GetAsync(string sha256, CancellationToken ct = default);
    bool Exists(string sha256);
}
