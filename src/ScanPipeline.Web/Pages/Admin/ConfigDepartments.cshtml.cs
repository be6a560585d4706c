using Microsoft.AspNetCore.Mvc;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Web.Configuration;
using ScanPipeline.Web.Security;

namespace ScanPipeline.Web.Pages.Admin;

/// <summary>Departments (KGSt office code and name): add, rename, remove while nothing names them.</summary>
public sealed class ConfigDepartmentsModel(RoutingRulesEditor editor) : ConfigPageModel
{
    public RoutingRules Rules { get; private set; } = new();

    /// <summary>Per department code: what still names it (rules, documents, e-files, users); empty when it could go.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> InUse { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    public void OnGet() => Load();

    public IActionResult OnPostAdd(string? code, string? name) => Outcome(editor.AddDepartment(User.Name(), code, name), Load);

    public IActionResult OnPostRename(string? code, string? name) => Outcome(editor.RenameDepartment(User.Name(), code, name), Load);

    public IActionResult OnPostRemove(string? code) => Outcome(editor.RemoveDepartment(User.Name(), code), Load);

    private void Load()
    {
        Rules = editor.Current;
        InUse = Rules.Departments.ToDictionary(d => d.Code, d => editor.ReasonsToKeep(Rules, d), StringComparer.Ordinal);
    }
}
