using Microsoft.Extensions.Logging;

namespace ScanPipeline.Worker.Configuration;

/// <summary>
/// A configuration file as it says now: read again on every <see cref="Current"/> and parsed again whenever its
/// content differs from the last load, so that an edit (by the admin pages, or by hand) takes effect without a
/// restart. The files are small (a few kilobytes), so comparing the content is cheap and, unlike time stamps,
/// never misses two quick edits. A file that fails to load or validate keeps the last good value in force (and
/// says so in the log); the first load must succeed, so that a broken file stops the host at start.
/// </summary>
public abstract class ReloadingConfigFile<T> where T : class
{
    /// <summary>A configuration file larger than this is refused rather than read.</summary>
    public const int MaxBytes = 1024 * 1024;

    private readonly Lock _lock = new();
    private readonly ILogger _logger;
    private T? _value;
    private byte[]? _loadedContent;

    protected ReloadingConfigFile(string path, ILogger logger)
    {
        Path = System.IO.Path.GetFullPath(path);
        _logger = logger;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The value the file holds now, or the last good one if it has become unreadable.</summary>
    public T Current
    {
        get
        {
            lock (_lock)
            {
                byte[]? content;
                try
                {
                    content = ReadContent();
                }
                catch (Exception error) when (_value is not null && IsUnreadable(error))
                {
                    _logger.LogError("Configuration {Path} could not be read, the previous version stays in force: {Error}", Path, error.Message);
                    return _value;
                }
                if (_value is not null && SameContent(content, _loadedContent)) return _value;
                try
                {
                    var loaded = content is null ? WhenMissing() : Load(content);
                    if (_value is not null) _logger.LogInformation("Configuration {Path} changed; the new version is in force", Path);
                    _value = loaded;
                }
                catch (Exception error) when (_value is not null && IsUnreadable(error))
                {
                    _logger.LogError("Configuration {Path} is not valid, the previous version stays in force: {Error}", Path, error.Message);
                }
                // Also after a failed load: the same broken content is not parsed (and logged) again on every call.
                _loadedContent = content;
                return _value!;
            }
        }
    }

    /// <summary>Parses and validates the file's content; throws <see cref="InvalidOperationException"/> if it is unusable.</summary>
    protected abstract T Load(byte[] content);

    /// <summary>The value when the file does not exist; by default that is an error.</summary>
    protected virtual T WhenMissing() => throw new InvalidOperationException($"Configuration file not found: {Path}");

    /// <summary>The file's bytes, or null when it does not exist.</summary>
    private byte[]? ReadContent()
    {
        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > MaxBytes) throw new InvalidDataException($"{Path} is larger than {MaxBytes} bytes.");
            var content = new byte[stream.Length];
            stream.ReadExactly(content);
            return content;
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static bool SameContent(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    private static bool IsUnreadable(Exception error) =>
        error is IOException or UnauthorizedAccessException or InvalidOperationException or InvalidDataException
            or System.Text.Json.JsonException;
}
