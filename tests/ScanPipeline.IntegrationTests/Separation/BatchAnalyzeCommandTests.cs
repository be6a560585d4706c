using System.Text.Json;
using ScanPipeline.IntegrationTests.Cli;
using ScanPipeline.IntegrationTests.Infrastructure;
using Xunit;

namespace ScanPipeline.IntegrationTests.Separation;

/// <summary><c>scanpipe batch analyze</c>, the real binary: the split stage's analysis and cut, without broker or store.</summary>
public sealed class BatchAnalyzeCommandTests
{
    [RequiresAnalysisFact]
    public async Task Analyze_shows_each_batchs_documents_under_its_rule_and_the_time_per_page()
    {
        foreach (var batch in SampleBatches.All)
        {
            var result = await ScanpipeProcess.RunAsync("batch", "analyze", Repository.Path("samples/batches/" + batch.File), "--rule", batch.Rule, "--json");

            Assert.True(result.ExitCode == 0, result.Stderr);
            var file = Assert.Single(JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToList());
            Assert.Equal(batch.Documents.Select(d => d.Pages), file.GetProperty("documents").EnumerateArray()
                .Select(d => d.EnumerateArray().Select(p => p.GetInt32()).ToArray()));
            Assert.Equal(batch.Removed.Select(r => r.Page), file.GetProperty("removed").EnumerateArray().Select(r => r.GetProperty("pageNumber").GetInt32()));
            Assert.Equal(batch.Pages, file.GetProperty("pages").GetArrayLength());
            Assert.True(file.GetProperty("millisecondsPerPage").GetDouble() > 0);
        }
    }

    [RequiresAnalysisFact]
    public async Task Analyze_prints_a_german_table_and_fails_with_a_reason_on_a_broken_file()
    {
        var result = await ScanpipeProcess.RunAsync("batch", "analyze", Repository.Path("samples/batches/04-leerseite-trennt-g4.tif"),
            Repository.Path("samples/scans/25-abgebrochener-scan.pdf"), "--rule", "blank-page");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("04-leerseite-trennt-g4.tif: 7 Seiten", result.Stdout);
        Assert.Contains("3 Dokument(e): 1 | 3,4 | 7; entfernt: 2 (Leerseite), 5 (Leerseite), 6 (Leerseite)", result.Stdout);
        Assert.Contains("25-abgebrochener-scan.pdf: nicht verarbeitet – corrupt-file", result.Stderr);
    }
}
