using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ScanPipeline.Core.Ocr;
using ScanPipeline.Imaging.Ocr;

namespace ScanPipeline.Imaging;

public static class ImagingServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates section "Imaging" (on start) and registers <see cref="TesseractRecognizer"/> as the
    /// singleton <see cref="IDocumentRecognizer"/>. Also puts OMP_THREAD_LIMIT=1 into the native environment
    /// now, before anything in the process can load libgomp.
    /// </summary>
    public static IServiceCollection AddImaging(this IServiceCollection services, IConfiguration configuration)
    {
        OcrRuntime.PrepareEnvironment();
        services.AddOptions<ImagingOptions>()
            .Bind(configuration.GetSection(ImagingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TesseractRecognizer>();
        services.AddSingleton<IDocumentRecognizer>(provider => provider.GetRequiredService<TesseractRecognizer>());
        return services;
    }
}
