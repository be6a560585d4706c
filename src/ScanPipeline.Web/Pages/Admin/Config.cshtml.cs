using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ScanPipeline.Classification;
using ScanPipeline.Classification.Models;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Web.Configuration;
using ScanPipeline.Web.Security;

namespace ScanPipeline.Web.Pages.Admin;

/// <summary>Document types and their routing rules (department, optional minConfidence) and the default threshold.</summary>
public sealed class ConfigModel(RoutingRulesEditor editor, IOptions<ClassificationOptions> classification, ILogger<ConfigModel> logger)
    : ConfigPageModel
{
    public RoutingRules Rules { get; private set; } = new();

    /// <summary>Types the active model predicts that have no rule: their documents go to verification.</summary>
    public IReadOnlyList<string> ModelTypesWithoutRule { get; private set; } = [];

    public void OnGet() => Load();

    public IActionResult OnPostUpdateRule(string? type, string? department, string? minConfidence) =>
        Outcome(editor.UpdateRule(User.Name(), type, department, minConfidence), Load);

    public IActionResult OnPostAddType(string? type, string? department, string? minConfidence) =>
        Outcome(editor.AddDocumentType(User.Name(), type, department, minConfidence), Load);

    public IActionResult OnPostRemoveType(string? type) => Outcome(editor.RemoveDocumentType(User.Name(), type), Load);

    public IActionResult OnPostDefault(string? defaultMinConfidence) =>
        Outcome(editor.SetDefaultMinConfidence(User.Name(), defaultMinConfidence), Load);

    private void Load()
    {
        Rules = editor.Current;
        ModelTypesWithoutRule = [.. ModelLabels().Where(label => Rules.Rules.All(r => r.DocumentType != label)).Order(StringComparer.CurrentCulture)];
    }

    private IReadOnlyList<string> ModelLabels()
    {
        try
        {
            var registry = new ModelRegistry(classification.Value.ModelsDirectory);
            var active = registry.GetActiveVersion();
            return registry.ListVersions().FirstOrDefault(v => v.Version == active)?.Manifest.Labels ?? [];
        }
        catch (Exception error) when (error is ModelLoadException or IOException or UnauthorizedAccessException)
        {
            // Only a hint on this page; the models page reports a broken registry.
            logger.LogWarning("The active model's document types could not be read: {Error}", error.Message);
            return [];
        }
    }
}
