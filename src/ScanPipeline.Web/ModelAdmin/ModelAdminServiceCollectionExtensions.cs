using ScanPipeline.Classification;

namespace ScanPipeline.Web.ModelAdmin;

public static class ModelAdminServiceCollectionExtensions
{
    /// <summary>
    /// The admin models page's services: section "Classification" (models folder, training and held-out data) and
    /// the one <see cref="ModelTrainingJob"/> of this process. The web role loads no classifier itself.
    /// </summary>
    public static IServiceCollection AddModelAdministration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClassificationOptions>().Bind(configuration.GetSection(ClassificationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModelTrainingJob>();
        return services;
    }
}
