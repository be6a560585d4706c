using ScanPipeline.Classification;

namespace ScanPipeline.Web.Configuration;

public static class ConfigEditingServiceCollectionExtensions
{
    /// <summary>
    /// The editors behind the admin configuration pages (singletons: each applies one change at a time), and the
    /// models folder they read the active model's document types from. Needs AddConfigurationFiles and AddStorage.
    /// </summary>
    public static IServiceCollection AddConfigEditing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClassificationOptions>().Bind(configuration.GetSection(ClassificationOptions.Section));
        services.AddSingleton<RoutingRulesEditor>();
        services.AddSingleton<ScannerLinesEditor>();
        return services;
    }
}
