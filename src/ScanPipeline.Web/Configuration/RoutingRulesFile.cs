using Microsoft.Extensions.Options;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Worker.Options;

namespace ScanPipeline.Web.Configuration;

/// <summary>
/// The routing rules as the file says now: re-read when the file changes, so that an edit takes effect
/// without a restart. A file that fails to load keeps the last good rules in force.
/// </summary>
public sealed class RoutingRulesFile(IOptions<PipelineOptions> options, ILogger<RoutingRulesFile> logger)
{
    private readonly Lock _lock = new();
    private RoutingRules? _rules;
    private DateTime _loadedWriteTime;

    public string Path { get; } = System.IO.Path.GetFullPath(options.Value.RoutingRulesPath);

    public RoutingRules Current
    {
        get
        {
            lock (_lock)
            {
                var writeTime = File.GetLastWriteTimeUtc(Path);
                if (_rules is null || writeTime != _loadedWriteTime)
                {
                    try
                    {
                        _rules = RoutingRules.Load(Path);
                        _loadedWriteTime = writeTime;
                    }
                    catch (Exception error) when (_rules is not null && error is IOException or InvalidDataException or System.Text.Json.JsonException)
                    {
                        logger.LogError("Routing rules {Path} could not be read, the previous rules stay in force: {Error}", Path, error.Message);
                        _loadedWriteTime = writeTime;
                    }
                }
                return _rules;
            }
        }
    }
}
