using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScanPipeline.Core.Separation;
using ScanPipeline.Storage;
using ScanPipeline.Tests.Infrastructure;
using ScanPipeline.Web.Configuration;
using ScanPipeline.Worker.Configuration;
using ScanPipeline.Worker.Options;

namespace ScanPipeline.Tests.Config;

/// <summary>Validation, versioning and audit of the scanner-line changes the admin pages make.</summary>
public sealed class ScannerLinesEditorTests : IDisposable
{
    private readonly GermanCulture _german = new();
    private readonly TempDirectory _temp = new();
    private readonly MetadataStore _metadata;
    private readonly IngestOptions _ingest;
    private readonly ScannerLinesFile _file;
    private readonly ScannerLinesEditor _editor;

    public ScannerLinesEditorTests()
    {
        _metadata = new MetadataStore(_temp.Combine("scanpipe.db"));
        _ingest = new IngestOptions
        {
            HotFolderRoot = _temp.Combine("hot"),
            ScannerLines = [new ScannerLineOptions { Name = "scanstrasse-1", HotFolder = _temp.Combine("hot", "scanstrasse-1") }],
        };
        _file = new ScannerLinesFile(_temp.Combine("config", "scanner-lines.json"), _ingest.ScannerLines, NullLogger<ScannerLinesFile>.Instance);
        _editor = new ScannerLinesEditor(_file, Microsoft.Extensions.Options.Options.Create(_ingest), _metadata,
            new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
    }

    private static ScannerLineForm Form(string name, string? folder, string separation = SeparationRules.SeparatorSheet,
        string? pages = null, string? codes = null) => new(name, folder, separation, pages, codes);

    private void AssertNothingWritten()
    {
        Assert.False(_file.FileExists);
        Assert.Empty(_editor.History.List());
        Assert.Empty(_metadata.ListRecentAudit(10));
    }

    [Fact]
    public void The_first_change_writes_the_file_and_keeps_the_configured_lines_as_the_starting_version()
    {
        var result = _editor.AddLine("admin", Form("formulare", "formulare", SeparationRules.FixedPageCount, "4"));

        Assert.True(result.Saved, string.Join("; ", result.Errors));
        Assert.True(_file.FileExists);
        Assert.Equal(["scanstrasse-1", "formulare"], _file.Current.Select(l => l.Name));
        Assert.Equal(_temp.Combine("hot", "formulare"), Path.GetFullPath(_file.Find("formulare")!.HotFolder));
        Assert.Equal((SeparationRules.FixedPageCount, 4), (_file.SeparationFor("formulare").Rule, _file.SeparationFor("formulare").PagesPerDocument));
        var starting = _editor.History.List()[1];
        Assert.Equal(ConfigHistory.InitialUser, starting.User);
        Assert.Equal(["scanstrasse-1"], ScannerLinesDocument.Parse(_editor.History.Read(starting.FileName)!, "test").Select(l => l.Name));
        Assert.Contains("Scan-Straße formulare hinzugefügt", Assert.Single(_metadata.ListRecentAudit(10)).Detail);
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("/tmp/anderswo")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData(".versteckt")]
    public void A_hot_folder_is_a_name_in_the_root_never_a_path_from_the_form(string folder)
    {
        var result = _editor.AddLine("admin", Form("scanstrasse-2", folder));
        Assert.Contains(result.Errors, e => e.Contains("kein gültiger Ordnername", StringComparison.Ordinal));
        AssertNothingWritten();
    }

    [Theory]
    [InlineData("zufall", null, null, "Die Trennregel »zufall« gibt es nicht.")]
    [InlineData(SeparationRules.FixedPageCount, null, null, "braucht es eine Seitenzahl")]
    [InlineData(SeparationRules.BlankPage, "4", null, "gilt nur für die Regel »Feste Seitenzahl«")]
    [InlineData(SeparationRules.BlankPage, null, "TRENN", "gelten nur für die Regel »Trennblatt«")]
    public void A_separation_rule_is_one_of_the_known_rules_with_its_own_settings(string rule, string? pages, string? codes, string reason)
    {
        var result = _editor.AddLine("admin", Form("scanstrasse-2", "scanstrasse-2", rule, pages, codes));
        Assert.Contains(result.Errors, e => e.Contains(reason, StringComparison.Ordinal));
        AssertNothingWritten();
    }

    [Fact]
    public void Two_lines_cannot_share_a_hot_folder_or_a_name()
    {
        Assert.Contains(_editor.AddLine("admin", Form("scanstrasse-2", "scanstrasse-1")).Errors,
            e => e.Contains("hätten denselben Hot-Folder", StringComparison.Ordinal));
        Assert.Contains(_editor.AddLine("admin", Form("scanstrasse-1", "neu")).Errors,
            e => e.Contains("gibt es schon", StringComparison.Ordinal));
        AssertNothingWritten();
    }

    [Fact]
    public void A_line_is_neither_removed_nor_moved_while_files_wait_in_its_hot_folder()
    {
        var folder = Directory.CreateDirectory(_temp.Combine("hot", "scanstrasse-1")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "stapel.tif"), [1, 2, 3]);

        Assert.Contains(_editor.RemoveLine("admin", "scanstrasse-1").Errors, e => e.Contains("liegen noch 1 Datei(en)", StringComparison.Ordinal));
        Assert.Contains(_editor.UpdateLine("admin", Form("scanstrasse-1", "woanders")).Errors, e => e.Contains("liegen noch 1 Datei(en)", StringComparison.Ordinal));
        // Changing only the rule leaves the folder where it is, so waiting files are no obstacle.
        Assert.True(_editor.UpdateLine("admin", Form("scanstrasse-1", "", SeparationRules.BlankPage)).Saved);
        Assert.Equal(SeparationRules.BlankPage, _file.SeparationFor("scanstrasse-1").Rule);

        File.Delete(Path.Combine(folder, "stapel.tif"));
        Assert.True(_editor.RemoveLine("admin", "scanstrasse-1").Saved);
        Assert.Empty(_file.Current);
    }

    [Fact]
    public void Restoring_the_starting_version_brings_the_configured_lines_back_as_a_new_version()
    {
        _editor.AddLine("admin", Form("scanstrasse-2", "scanstrasse-2", SeparationRules.BlankPage));
        _editor.RemoveLine("admin", "scanstrasse-1");
        var starting = _editor.History.List().Last();

        var result = _editor.Restore("admin", starting.FileName);

        Assert.True(result.Saved, string.Join("; ", result.Errors));
        Assert.Equal(["scanstrasse-1"], _file.Current.Select(l => l.Name));
        Assert.Equal(4, _editor.History.List().Count);
        Assert.Equal(3, _metadata.ListRecentAudit(10).Count);
    }

    public void Dispose()
    {
        _temp.Dispose();
        _german.Dispose();
    }
}
