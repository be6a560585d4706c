using System.CommandLine;
using System.Text.Json;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Messages;
using ScanPipeline.Storage;
using Spectre.Console;

namespace ScanPipeline.Cli.Commands;

/// <summary>
/// <c>scanpipe batch show ID [--json]</c>: a batch's separation record from the metadata store: its line and file,
/// pages in = pages in documents + pages removed, each removed page with its reason, and each document with its
/// pages and where it went (a department inbox, verification, quarantine, or still in progress).
/// </summary>
internal static class BatchCommands
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = Texts.BatchIdArgument };
        var json = new Option<bool>("--json") { Description = Texts.JsonOption };
        var show = new Command("show", Texts.BatchShowDescription) { id, json };
        show.SetAction(parse =>
        {
            using var host = CliHost.Create(storage: true);
            var report = BatchReport.Load(host.Get<MetadataStore>(), host.Get<QuarantineStore>(), parse.GetRequiredValue(id));
            if (report is null)
            {
                Console.Error.WriteLine(string.Format(Texts.BatchNotFound, parse.GetRequiredValue(id)));
                return 2;
            }
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(report, JsonOutput.Options));
            else Print(report, host.LoadRoutingRules());
            return 0;
        });
        var batch = new Command("batch", Texts.BatchDescription);
        batch.Subcommands.Add(show);
        batch.Subcommands.Add(BatchAnalyzeCommand.Create());
        return batch;
    }

    private static void Print(BatchReport report, RoutingRules rules)
    {
        var batch = report.Batch;
        var facts = new Table().HideHeaders().AddColumns("", "");
        facts.AddRow(Texts.ColumnLine, Markup.Escape(batch.ScannerLine));
        facts.AddRow(Texts.BatchFile, Markup.Escape($"{batch.FileName} ({batch.MediaType}, {batch.SizeBytes:N0} B)"));
        facts.AddRow(Texts.BatchReceived, batch.ReceivedAt.ToLocalTime().ToString("dd.MM.yyyy HH:mm:ss"));
        var status = Named("BatchStatus_", batch.Status);
        if (report.QuarantineReason is { } reason) status += $" – {reason}";
        facts.AddRow(Texts.BatchStatusLabel, Markup.Escape(status));
        if (report.Rule is { } rule) facts.AddRow(Texts.BatchRule, Markup.Escape($"{Named("Rule_", rule)} ({rule})"));
        if (report.PagesIn is { } pagesIn)
        {
            facts.AddRow(Texts.BatchPagesLabel, string.Format(Texts.BatchPages, pagesIn, report.PagesInDocuments, report.PagesRemoved));
            facts.AddRow("", report.Reconciles ? $"[green]{Markup.Escape(Texts.BatchReconciled)}[/]" : $"[red]{Markup.Escape(Texts.BatchNotReconciled)}[/]");
        }
        else
        {
            facts.AddRow(Texts.BatchPagesLabel, Markup.Escape(Texts.BatchNotSeparated));
        }
        AnsiConsole.Write(new Panel(facts).Header(Markup.Escape(string.Format(Texts.BatchHeader, batch.BatchId))));

        if (report.RemovedPages.Count > 0)
        {
            var removed = new Table().Title(Markup.Escape(Texts.BatchRemovedPages)).AddColumns(Texts.ColumnPage, Texts.ColumnReason, Texts.ColumnDetail);
            removed.Columns[0].RightAligned();
            foreach (var page in report.RemovedPages)
                removed.AddRow(page.PageNumber.ToString(), Markup.Escape(Named("Removal_", page.Reason)), Markup.Escape(page.Detail ?? ""));
            AnsiConsole.Write(removed);
        }
        if (report.Documents.Count > 0)
        {
            var documents = new Table().Title(Markup.Escape(Texts.BatchDocuments)).AddColumns(Texts.ColumnNumber, Texts.ColumnDocument,
                Texts.ColumnPages, Texts.ColumnDocumentType, Texts.ColumnTarget);
            documents.Columns[0].RightAligned();
            foreach (var document in report.Documents)
            {
                var target = document.Target switch
                {
                    null when document.Quarantined => $"[red]{Markup.Escape(Texts.Quarantine)}[/]",
                    null => Markup.Escape(Texts.InProgress),
                    Routing.VerificationTarget => $"[yellow]{Markup.Escape(Texts.Verification)}[/]",
                    var code => Markup.Escape(Departments.Label(rules, code)),
                };
                documents.AddRow((document.Index + 1).ToString(), document.DocumentId, string.Join(", ", document.Pages),
                    Markup.Escape(document.DocumentType ?? "-"), target);
            }
            AnsiConsole.Write(documents);
        }
    }

    /// <summary>The German (or English) name of a stored code, or the code itself when it has none.</summary>
    private static string Named(string prefix, string code) => Texts.ResourceManager.GetString(prefix + code, Texts.Culture) ?? code;
}

/// <summary>What <c>batch show</c> prints, also its <c>--json</c> shape.</summary>
internal sealed record BatchReport(
    BatchRecord Batch, string? Rule, int? PagesIn, int PagesInDocuments, int PagesRemoved, bool Reconciles,
    IReadOnlyList<Core.Separation.RemovedPage> RemovedPages, IReadOnlyList<BatchReportDocument> Documents,
    string? QuarantineReasonCode, string? QuarantineReason)
{
    public static BatchReport? Load(MetadataStore metadata, QuarantineStore quarantine, string batchId)
    {
        var batch = metadata.FindBatch(batchId);
        if (batch is null) return null;
        var separation = metadata.FindSeparation(batchId);
        var quarantined = quarantine.Read(QuarantineStore.IdFor(batch.OriginalSha256));
        var delivered = metadata.ListInboxByBatch(batchId).ToDictionary(i => i.DocumentId);
        var quarantinedDocuments = metadata.ListQuarantinedDocuments(batchId);
        var documents = (separation?.Documents ?? []).Select(d =>
        {
            var item = delivered.GetValueOrDefault(d.DocumentId);
            return new BatchReportDocument(d.DocumentIndex, d.DocumentId, d.Pages, item?.Department, item?.DocumentType,
                item?.Confidence, Quarantined: item is null && (quarantinedDocuments.ContainsKey(d.DocumentId)
                    || (batch.Status == BatchStatus.Quarantined && quarantinedDocuments.Count == 0)));
        }).ToList();
        var inDocuments = separation?.PagesInDocuments ?? 0;
        var removed = separation?.PagesRemoved ?? 0;
        return new BatchReport(batch, separation?.Rule, separation?.PagesIn, inDocuments, removed,
            Reconciles: separation is not null && separation.PagesIn == inDocuments + removed
                        && batch.PagesIn == separation.PagesIn && batch.PagesInDocuments == inDocuments && batch.PagesRemoved == removed,
            separation?.Removed ?? [], documents, quarantined?.ReasonCode ?? batch.ReasonCode, quarantined?.Message);
    }
}

/// <summary>One document of a batch: its pages and, once delivered, where it went (a department code or "verification").</summary>
internal sealed record BatchReportDocument(
    int Index, string DocumentId, IReadOnlyList<int> Pages, string? Target, string? DocumentType, double? Confidence, bool Quarantined);
