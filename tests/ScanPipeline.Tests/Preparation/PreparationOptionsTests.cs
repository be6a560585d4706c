using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPipeline.Imaging;
using Xunit;

namespace ScanPipeline.Tests.Preparation;

/// <summary>The page-preparation settings of section "Imaging": bound, validated, on by default.</summary>
public sealed class PreparationOptionsTests
{
    [Fact]
    public void Orientation_and_deskew_are_on_by_default_within_five_degrees()
    {
        var options = new ImagingOptions();

        Assert.True(options.CorrectOrientation);
        Assert.True(options.Deskew);
        Assert.Equal(5, options.MaxDeskewDegrees);
        Assert.InRange(options.MinDeskewDegrees, 0.05, 0.5);
        Assert.InRange(options.OrientationCheckBelowConfidence, 50, 85); // between upside-down (40-50) and upright (85-95) readings
    }

    [Fact]
    public void The_settings_bind_from_the_imaging_section()
    {
        var options = Bind(new()
        {
            ["Imaging:CorrectOrientation"] = "false",
            ["Imaging:OrientationCheckBelowConfidence"] = "60",
            ["Imaging:MinOrientationConfidence"] = "2.5",
            ["Imaging:Deskew"] = "false",
            ["Imaging:MaxDeskewDegrees"] = "3",
            ["Imaging:MinDeskewDegrees"] = "0.5",
        });

        Assert.False(options.CorrectOrientation);
        Assert.Equal(60, options.OrientationCheckBelowConfidence);
        Assert.Equal(2.5, options.MinOrientationConfidence);
        Assert.False(options.Deskew);
        Assert.Equal(3, options.MaxDeskewDegrees);
        Assert.Equal(0.5, options.MinDeskewDegrees);
    }

    [Theory]
    [InlineData("Imaging:OrientationCheckBelowConfidence", "101")]
    [InlineData("Imaging:MinOrientationConfidence", "-1")]
    [InlineData("Imaging:MaxDeskewDegrees", "45")]
    [InlineData("Imaging:MinDeskewDegrees", "0")]
    public void Settings_out_of_range_are_refused(string key, string value) =>
        Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));

    private static ImagingOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        services.AddImaging(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ImagingOptions>>().Value;
    }
}
