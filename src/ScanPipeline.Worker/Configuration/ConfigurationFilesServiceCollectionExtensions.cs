using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Worker.Options;

namespace ScanPipeline.Worker.Configuration;

public static class ConfigurationFilesServiceCollectionExtensions
{
    /// <summary>
    /// The configuration files that take effect without a restart, for the pipeline host and the web role alike:
    /// <see cref="RoutingRulesFile"/> and <see cref="ScannerLinesFile"/> (singletons), and <see cref="RoutingRules"/>
    /// as the file says at the moment it is resolved (transient). A stage is resolved per delivery, so a stage that
    /// takes <see cref="RoutingRules"/> uses the rules in force when its message arrived. Needs the
    /// <see cref="PipelineOptions"/> and <see cref="IngestOptions"/> to be bound.
    /// </summary>
    public static IServiceCollection AddConfigurationFiles(this IServiceCollection services)
    {
        services.AddSingleton(sp => new RoutingRulesFile(sp.GetRequiredService<IOptions<PipelineOptions>>().Value.RoutingRulesPath,
            sp.GetRequiredService<ILogger<RoutingRulesFile>>()));
        services.AddSingleton(sp => new ScannerLinesFile(sp.GetRequiredService<IOptions<PipelineOptions>>().Value.ScannerLinesPath,
            sp.GetRequiredService<IOptions<IngestOptions>>().Value.ScannerLines, sp.GetRequiredService<ILogger<ScannerLinesFile>>()));
        services.AddTransient(sp => sp.GetRequiredService<RoutingRulesFile>().Current);
        return services;
    }
}
