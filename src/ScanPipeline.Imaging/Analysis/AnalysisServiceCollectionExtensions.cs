using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ScanPipeline.Core.Separation;

namespace ScanPipeline.Imaging.Analysis;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates section "Analysis" and registers <see cref="PageAnalyzer"/> as the singleton
    /// <see cref="IPageAnalyzer"/>. Needs <see cref="ImagingServiceCollectionExtensions.AddImaging"/> for the limits.
    /// </summary>
    public static IServiceCollection AddPageAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnalysisOptions>()
            .Bind(configuration.GetSection(AnalysisOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IPageAnalyzer, PageAnalyzer>();
        return services;
    }
}
