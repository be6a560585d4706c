using Microsoft.AspNetCore.Mvc;
using ScanPipeline.Web.Configuration;
using ScanPipeline.Web.Security;
using ScanPipeline.Worker.Options;

namespace ScanPipeline.Web.Pages.Admin;

/// <summary>Scanner lines: name, hot folder (a folder of the configured root), separation rule.</summary>
public sealed class ConfigScannerLinesModel(ScannerLinesEditor editor) : ConfigPageModel
{
    public ScannerLinesEditor Editor => editor;

    public IReadOnlyList<ScannerLineOptions> Lines { get; private set; } = [];

    public void OnGet() => Load();

    public IActionResult OnPostAdd(string? name, string? folder, string? separation, string? pagesPerDocument, string? separatorCodes) =>
        Outcome(editor.AddLine(User.Name(), new ScannerLineForm(name, folder, separation, pagesPerDocument, separatorCodes)), Load);

    public IActionResult OnPostUpdate(string? name, string? folder, string? separation, string? pagesPerDocument, string? separatorCodes) =>
        Outcome(editor.UpdateLine(User.Name(), new ScannerLineForm(name, folder, separation, pagesPerDocument, separatorCodes)), Load);

    public IActionResult OnPostRemove(string? name) => Outcome(editor.RemoveLine(User.Name(), name), Load);

    private void Load() => Lines = editor.Current;
}
