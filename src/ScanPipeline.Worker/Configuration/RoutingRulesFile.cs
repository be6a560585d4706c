using System.Text;
using Microsoft.Extensions.Logging;
using ScanPipeline.Core.Configuration;

namespace ScanPipeline.Worker.Configuration;

/// <summary>
/// The routing rules (config/routing-rules.json, <c>Pipeline:RoutingRulesPath</c>) as the file says now, for the
/// pipeline's stages and the web pages alike: an edit takes effect with the next document, without a restart.
/// A file that becomes broken keeps the last good rules in force.
/// </summary>
public sealed class RoutingRulesFile(string path, ILogger<RoutingRulesFile> logger) : ReloadingConfigFile<RoutingRules>(path, logger)
{
    protected override RoutingRules Load(byte[] content) => RoutingRules.LoadJson(Encoding.UTF8.GetString(content), Path);
}
