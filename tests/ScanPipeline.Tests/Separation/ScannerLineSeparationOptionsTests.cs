using System.ComponentModel.DataAnnotations;
using ScanPipeline.Core.Separation;
using ScanPipeline.Worker.Options;

namespace ScanPipeline.Tests.Separation;

/// <summary>Each scanner line's separation settings: defaults, look-up by name, and validation at start.</summary>
public sealed class ScannerLineSeparationOptionsTests
{
    private static List<ValidationResult> Validate(IngestOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    private static ScannerLineOptions Line(string name, string rule = SeparationRules.SeparatorSheet, int pages = 0, params string[] codes) =>
        new() { Name = name, HotFolder = "/srv/hot/" + name, Separation = rule, PagesPerDocument = pages, SeparatorCodes = [.. codes] };

    [Fact]
    public void A_line_without_settings_uses_separator_sheets_with_the_default_codes()
    {
        var options = new IngestOptions { ScannerLines = [Line("scanstrasse-1")] };

        var settings = options.SeparationFor("scanstrasse-1");

        Assert.Equal(SeparationRules.SeparatorSheet, settings.Rule);
        Assert.Equal(["SCANPIPE-SEP", "PATCHT"], settings.SeparatorCodes);
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void The_rule_is_looked_up_by_line_and_an_unknown_line_gets_the_default()
    {
        var options = new IngestOptions
        {
            ScannerLines = [Line("scanstrasse-1", SeparationRules.FixedPageCount, 4), Line("scanstrasse-2", SeparationRules.BlankPage, 0, "TRENN")],
        };

        Assert.Equal((SeparationRules.FixedPageCount, 4), (options.SeparationFor("scanstrasse-1").Rule, options.SeparationFor("scanstrasse-1").PagesPerDocument));
        Assert.Equal(["TRENN"], options.SeparationFor("scanstrasse-2").SeparatorCodes);
        Assert.Equal(SeparationSettings.Default, options.SeparationFor("upload"));
        Assert.Empty(Validate(options));
    }

    [Theory]
    [InlineData("by-colour", 0, "unknown Separation")]
    [InlineData(SeparationRules.FixedPageCount, 0, "at least 1")]
    [InlineData(SeparationRules.BlankPage, 3, "only to fixed-page-count")]
    public void A_bad_rule_is_a_configuration_error_naming_the_line(string rule, int pages, string message)
    {
        var options = new IngestOptions { ScannerLines = [Line("scanstrasse-1", rule, pages)] };

        var error = Assert.Single(Validate(options));

        Assert.Contains("scanstrasse-1", error.ErrorMessage);
        Assert.Contains(message, error.ErrorMessage);
    }

    [Fact]
    public void Empty_codes_bad_names_and_duplicate_lines_are_configuration_errors()
    {
        var options = new IngestOptions
        {
            ScannerLines = [Line("scanstrasse-1", SeparationRules.SeparatorSheet, 0, " "), Line("scan strasse"), Line("scanstrasse-1")],
        };

        var errors = Validate(options).Select(e => e.ErrorMessage!).ToList();

        Assert.Contains(errors, e => e.Contains("separator code is empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("more than once", StringComparison.Ordinal));
    }
}
