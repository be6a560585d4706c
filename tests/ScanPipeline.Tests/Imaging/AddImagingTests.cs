using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Ocr;
using ScanPipeline.Imaging;
using ScanPipeline.Imaging.Ocr;
using Xunit;

namespace ScanPipeline.Tests.Imaging;

public sealed class AddImagingTests
{
    [Fact]
    public void Binds_section_Imaging_and_registers_one_recognizer()
    {
        using var provider = Build(new()
        {
            ["Imaging:Languages"] = "deu",
            ["Imaging:EngineThreads"] = "3",
            ["Imaging:MaxPagesPerFile"] = "50",
            ["Imaging:TessdataPath"] = "/opt/tessdata",
        });

        var options = provider.GetRequiredService<IOptions<ImagingOptions>>().Value;
        Assert.Equal("deu", options.Languages);
        Assert.Equal(3, options.EngineThreads);
        Assert.Equal(50, options.MaxPagesPerFile);
        Assert.Equal("/opt/tessdata", options.ResolvedTessdataPath);
        var recognizer = provider.GetRequiredService<IDocumentRecognizer>();
        Assert.IsType<TesseractRecognizer>(recognizer);
        Assert.Same(recognizer, provider.GetRequiredService<IDocumentRecognizer>());
    }

    [Theory]
    [InlineData("Imaging:EngineThreads", "0")]
    [InlineData("Imaging:MaxPixelsPerPage", "0")]
    [InlineData("Imaging:Languages", "deu;rm -rf")]
    [InlineData("Imaging:MaxSecondsPerPage", "-5")]
    public void Invalid_settings_fail_validation(string key, string value)
    {
        using var provider = Build(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ImagingOptions>>().Value);
    }

    [Fact]
    public void Defaults_are_sane()
    {
        var options = new ImagingOptions();

        Assert.Equal("deu+eng", options.Languages);
        Assert.Equal(Environment.ProcessorCount, options.EngineThreads);
        Assert.True(options.MakeSearchablePdf);
        Assert.Equal(300, options.RasterDpi);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        services.AddImaging(configuration);
        return services.BuildServiceProvider();
    }
}
