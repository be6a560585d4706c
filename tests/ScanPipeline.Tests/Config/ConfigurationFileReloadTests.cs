using Microsoft.Extensions.Logging.Abstractions;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Separation;
using ScanPipeline.Tests.Infrastructure;
using ScanPipeline.Worker.Configuration;
using ScanPipeline.Worker.Options;

namespace ScanPipeline.Tests.Config;

/// <summary>The reloading configuration files the worker and the web share: an edit is in force at the next read.</summary>
public sealed class ConfigurationFileReloadTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string RulesCopy()
    {
        var path = _temp.Combine("routing-rules.json");
        File.Copy(Repository.Path("config/routing-rules.json"), path);
        return path;
    }

    [Fact]
    public void An_edited_rules_file_is_in_force_at_the_next_read_and_a_broken_one_keeps_the_last_good_rules()
    {
        var path = RulesCopy();
        var file = new RoutingRulesFile(path, NullLogger<RoutingRulesFile>.Instance);
        Assert.Equal(("30", RoutingRules.ReasonRule), file.Current.Decide("Widerspruch", 0.75));

        var edited = file.Current;
        File.WriteAllText(path, new RoutingRules
        {
            DefaultMinConfidence = edited.DefaultMinConfidence,
            Departments = edited.Departments,
            Rules = [.. edited.Rules.Select(r => r.DocumentType == "Widerspruch" ? r with { Department = "32", MinConfidence = 0.8 } : r)],
        }.ToJson());
        Assert.Equal((ScanPipeline.Core.Messages.Routing.VerificationTarget, RoutingRules.ReasonLowConfidence), file.Current.Decide("Widerspruch", 0.75));
        Assert.Equal(("32", RoutingRules.ReasonRule), file.Current.Decide("Widerspruch", 0.85));

        File.WriteAllText(path, "{ \"departments\": [ { \"code\": \"../x\", \"name\": \"kaputt\" } ] }");
        Assert.Equal(("32", RoutingRules.ReasonRule), file.Current.Decide("Widerspruch", 0.85));
        File.WriteAllText(path, "{ nicht einmal JSON");
        Assert.Equal(("32", RoutingRules.ReasonRule), file.Current.Decide("Widerspruch", 0.85));
    }

    [Fact]
    public void A_rules_file_that_is_broken_from_the_start_is_an_error_not_an_empty_rule_set()
    {
        var path = _temp.Combine("routing-rules.json");
        File.WriteAllText(path, "{ \"departments\": [] }");
        var error = Assert.Throws<InvalidOperationException>(() => new RoutingRulesFile(path, NullLogger<RoutingRulesFile>.Instance).Current);
        Assert.Contains("no departments", error.Message);
        Assert.Throws<InvalidOperationException>(() => new RoutingRulesFile(_temp.Combine("missing.json"), NullLogger<RoutingRulesFile>.Instance).Current);
    }

    [Fact]
    public void Scanner_lines_come_from_the_configuration_until_the_file_exists_then_from_the_file()
    {
        var configured = new List<ScannerLineOptions> { new() { Name = "scanstrasse-1", HotFolder = _temp.Combine("hot", "1") } };
        var path = _temp.Combine("scanner-lines.json");
        var file = new ScannerLinesFile(path, configured, NullLogger<ScannerLinesFile>.Instance);
        Assert.False(file.FileExists);
        Assert.Equal(["scanstrasse-1"], file.Current.Select(l => l.Name));
        Assert.Equal(SeparationSettings.Default, file.SeparationFor("scanstrasse-1"));

        File.WriteAllText(path, ScannerLinesDocument.ToJson(
        [
            new ScannerLineOptions { Name = "scanstrasse-1", HotFolder = _temp.Combine("hot", "1"), Separation = SeparationRules.BlankPage },
            new ScannerLineOptions { Name = "formulare", HotFolder = _temp.Combine("hot", "f"), Separation = SeparationRules.FixedPageCount, PagesPerDocument = 4 },
        ]));
        Assert.True(file.FileExists);
        Assert.Equal(["scanstrasse-1", "formulare"], file.Current.Select(l => l.Name));
        Assert.Equal(SeparationRules.BlankPage, file.SeparationFor("scanstrasse-1").Rule);
        Assert.Equal((SeparationRules.FixedPageCount, 4), (file.SeparationFor("formulare").Rule, file.SeparationFor("formulare").PagesPerDocument));

        // An unknown rule is refused as at start; the lines in force stay.
        File.WriteAllText(path, """{ "scannerLines": [ { "name": "formulare", "hotFolder": "x", "separation": "zufall" } ] }""");
        Assert.Equal(["scanstrasse-1", "formulare"], file.Current.Select(l => l.Name));

        File.Delete(path);
        Assert.Equal(["scanstrasse-1"], file.Current.Select(l => l.Name));
    }

    [Fact]
    public void The_scanner_lines_file_keeps_only_what_differs_from_the_defaults()
    {
        var json = ScannerLinesDocument.ToJson(
        [
            new ScannerLineOptions { Name = "scanstrasse-1", HotFolder = "var/hotfolders/scanstrasse-1" },
            new ScannerLineOptions { Name = "trenn", HotFolder = "var/hotfolders/trenn", SeparatorCodes = ["TRENN"] },
        ]);
        Assert.DoesNotContain("pagesPerDocument", json);
        Assert.Contains("\"separatorCodes\"", json);
        var read = ScannerLinesDocument.LoadJson(json, "test");
        Assert.Equal(["TRENN"], read[1].SeparatorCodes);
        Assert.Equal(SeparationRules.SeparatorSheet, read[0].Separation);
    }

    public void Dispose() => _temp.Dispose();
}
