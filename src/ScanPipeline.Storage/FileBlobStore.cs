using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Storage;

namespace ScanPipeline.Storage;

/// <summary>
/// Content-addressed blobs in a local folder: <c>root/ab/cd/&lt;sha256&gt;</c>. A blob is written to a temp
/// file in the same folder, flushed to disk, then renamed into place, so a reader never sees half a blob
/// and a crash leaves at most a temp file that the next write of the same content replaces.
/// </summary>
public sealed class FileBlobStore : IBlobStore
{
    private readonly string _root;

    public FileBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        var sha = Ids.Sha256Hex(content.Span);
        var path = PathFor(sha);
        if (File.Exists(path)) return sha;

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, ct);
                stream.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another writer stored the same content first: same bytes, nothing to do.
            }
        }
        catch (IOException ex) when (!File.Exists(path))
        {
            throw new StoreUnavailableException($"Blob store write failed: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StoreUnavailableException($"Blob store write failed: {ex.Message}", ex);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return sha;
    }

    public async Task<byte[]> GetAsync(string sha256, CancellationToken ct = default)
    {
        var path = PathFor(sha256);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, ct);
        }
        catch (FileNotFoundException ex)
        {
            throw new BlobNotFoundException(sha256, ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new BlobNotFoundException(sha256, ex);
        }
        catch (IOException ex)
        {
            throw new StoreUnavailableException($"Blob store read failed: {ex.Message}", ex);
        }
        if (Ids.Sha256Hex(bytes) != sha256)
            throw new InvalidDataException($"Blob {sha256} is corrupt: its content no longer matches its hash.");
        return bytes;
    }

    public bool Exists(string sha256) => File.Exists(PathFor(sha256));

    /// <summary>The blob's file path. Only a well-formed hash ever becomes a path.</summary>
    public string PathFor(string sha256)
    {
        if (!Ids.IsSha256Hex(sha256)) throw new ArgumentException($"Not a SHA-256 hex digest: '{sha256}'", nameof(sha256));
        return Path.Combine(_root, sha256[..2], sha256[2..4], sha256);
    }
}

public sealed class BlobNotFoundException(string sha256, Exception? inner = null)
    : Exception($"Blob {sha256} is not in the blob store.", inner)
{
    public string Sha256 { get; } = sha256;
}
