using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScanPipeline.Core.Classification;

namespace ScanPipeline.Classification;

public static class ClassificationServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates section "Classification" and registers <see cref="ModelClassifier"/> as the
    /// singleton <see cref="IDocumentClassifier"/> (it loads the active model when first resolved and follows models/active.json from then on).
    /// </summary>
    public static IServiceCollection AddClassification(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ClassificationOptions>()
            .Bind(configuration.GetSection(ClassificationOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ModelClassifier>();
        services.TryAddSingleton<IDocumentClassifier>(sp => sp.GetRequiredService<ModelClassifier>());
        return services;
    }
}
