using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Separation;
using ScanPipeline.Imaging;
using ScanPipeline.Imaging.Analysis;
using Spectre.Console;

namespace ScanPipeline.Cli.Commands;

/// <summary>
/// <c>scanpipe batch analyze FILE... [--rule R] [--pages-per-document N] [--repeat N] [--json]</c>: runs the split
/// stage's page analysis and separation on files, without a broker or a store, and shows per page what was found
/// and how long it took. For checking a scanner line's sheets and for measuring the cost of analysis.
/// </summary>
internal static class BatchAnalyzeCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("file") { Description = Texts.OcrFileArgument, Arity = ArgumentArity.OneOrMore };
        var rule = new Option<string>("--rule") { Description = Texts.BatchAnalyzeRuleOption, DefaultValueFactory = _ => SeparationRules.SeparatorSheet };
        var pagesPerDocument = new Option<int>("--pages-per-document") { Description = Texts.BatchAnalyzePagesOption };
        var repeat = new Option<int>("--repeat") { Description = Texts.BatchAnalyzeRepeatOption, DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = Texts.JsonOption };
        var command = new Command("analyze", Texts.BatchAnalyzeDescription) { files, rule, pagesPerDocument, repeat, json };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new SeparationSettings(parse.GetRequiredValue(rule), SeparationRules.DefaultSeparatorCodes, parse.GetValue(pagesPerDocument));
            if (!SeparationRules.All.Contains(settings.Rule) || (settings.Rule == SeparationRules.FixedPageCount) != (settings.PagesPerDocument > 0)
                || parse.GetValue(repeat) < 1)
            {
                Console.Error.WriteLine(Texts.BatchAnalyzeRuleOption);
                return 2;
            }
            using var host = CliHost.Create(imaging: true);
            var configuration = host.Get<IConfiguration>();
            var analysis = configuration.GetSection(AnalysisOptions.Section).Get<AnalysisOptions>() ?? new AnalysisOptions();
            var analyzer = new PageAnalyzer(host.Get<IOptions<ImagingOptions>>(), Options.Create(analysis), NullLogger<PageAnalyzer>.Instance);
            return await RunAsync(analyzer, parse.GetRequiredValue(files), settings, parse.GetValue(repeat), parse.GetValue(json), ct);
        });
        return command;
    }

    private sealed record FileResult(string File, IReadOnlyList<PageFacts> Pages, double MillisecondsPerPage,
        IReadOnlyList<IReadOnlyList<int>>? Documents, IReadOnlyList<RemovedPage>? Removed, string? Error);

    private static async Task<int> RunAsync(PageAnalyzer analyzer, FileInfo[] files, SeparationSettings settings, int repeat, bool json,
        CancellationToken ct)
    {
        var results = new List<FileResult>();
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                results.Add(new FileResult(file.Name, [], 0, null, null, Texts.FileNotFound));
                continue;
            }
            var content = await File.ReadAllBytesAsync(file.FullName, ct);
            var mediaType = MediaTypes.Sniff(content.AsSpan(0, Math.Min(content.Length, 1024))) ?? MediaTypes.Pdf;
            try
            {
                IReadOnlyList<PageFacts> pages = [];
                var timings = new List<double>();
                for (var pass = 0; pass < repeat; pass++)
                {
                    var stopwatch = Stopwatch.StartNew();
                    pages = await analyzer.AnalyzeAsync(content, mediaType, settings.NeedsBarcodes, ct);
                    timings.Add(stopwatch.Elapsed.TotalMilliseconds / pages.Count);
                }
                // The first pass includes JIT compilation and cold caches; with repeats it is left out.
                var perPage = repeat > 1 ? timings.Skip(1).Average() : timings[0];
                var plan = BatchSeparator.Separate(pages, settings);
                results.Add(new FileResult(file.Name, pages, Math.Round(perPage, 1), plan.Documents, plan.Removed, null));
            }
            catch (PermanentProcessingException error)
            {
                results.Add(new FileResult(file.Name, [], 0, null, null, $"{error.ReasonCode}: {error.Message}"));
            }
        }

        if (json) Console.WriteLine(JsonSerializer.Serialize(results, JsonOutput.Options));
        else Print(results);
        foreach (var failed in results.Where(r => r.Error is not null))
            Console.Error.WriteLine(string.Format(Texts.OcrFailed, failed.File, failed.Error));
        return results.Any(r => r.Error is not null) ? 1 : 0;
    }

    private static void Print(IReadOnlyList<FileResult> results)
    {
        var table = new Table().AddColumns(Texts.ColumnFile, Texts.ColumnPage, Texts.ColumnBlank, Texts.ColumnInk, Texts.ColumnBarcodes);
        table.Columns[1].RightAligned();
        table.Columns[3].RightAligned();
        foreach (var result in results)
        foreach (var page in result.Pages)
            table.AddRow(Markup.Escape(result.File), page.PageNumber.ToString(), page.IsBlank ? Texts.Yes : Texts.No,
                page.InkScore?.ToString("F1") ?? "-", Markup.Escape(string.Join(", ", page.Barcodes)));
        AnsiConsole.Write(table);
        foreach (var result in results)
        {
            if (result.Documents is not { } cut || result.Removed is not { } removedPages) continue;
            var documents = string.Join(" | ", cut.Select(d => string.Join(",", d)));
            var removed = removedPages.Count == 0
                ? Texts.None
                : string.Join(", ", removedPages.Select(r => $"{r.PageNumber} ({Texts.ResourceManager.GetString("Removal_" + r.Reason, Texts.Culture) ?? r.Reason})"));
            Console.WriteLine(string.Format(Texts.BatchAnalyzeSummary, result.File, result.Pages.Count, result.MillisecondsPerPage,
                cut.Count, documents, removed));
        }
        var analysed = results.Where(r => r.Pages.Count > 0).ToList();
        if (analysed.Count > 0)
        {
            var pages = analysed.Sum(r => r.Pages.Count);
            Console.WriteLine(string.Format(Texts.BatchAnalyzeTotal, pages, analysed.Sum(r => r.MillisecondsPerPage * r.Pages.Count) / pages));
        }
    }
}
