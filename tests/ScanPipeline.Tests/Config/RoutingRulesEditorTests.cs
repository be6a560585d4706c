using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Storage;
using ScanPipeline.Tests.Infrastructure;
using ScanPipeline.Web.Configuration;
using ScanPipeline.Worker.Configuration;

namespace ScanPipeline.Tests.Config;

/// <summary>Validation, versioning and audit of the routing-rules changes the admin pages make.</summary>
public sealed class RoutingRulesEditorTests : IDisposable
{
    private readonly GermanCulture _german = new();
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly MetadataStore _metadata;
    private readonly RoutingRulesFile _file;
    private readonly RoutingRulesEditor _editor;

    public RoutingRulesEditorTests()
    {
        var path = _temp.Combine("config", "routing-rules.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Repository.Path("config/routing-rules.json"), path);
        _metadata = new MetadataStore(_temp.Combine("scanpipe.db"));
        _file = new RoutingRulesFile(path, NullLogger<RoutingRulesFile>.Instance);
        _editor = new RoutingRulesEditor(_file, _metadata, _clock);
    }

    private string FileContent => File.ReadAllText(_file.Path);

    private void AssertNothingWritten(string before)
    {
        Assert.Equal(before, FileContent);
        Assert.Empty(_editor.History.List());
        Assert.Empty(_metadata.ListRecentAudit(10));
    }

    [Fact]
    public void A_changed_rule_is_saved_as_a_version_audited_and_in_force_at_once()
    {
        var result = _editor.UpdateRule("admin", "Widerspruch", "32", "0,8");

        Assert.True(result.Saved, string.Join("; ", result.Errors));
        Assert.Equal(("32", RoutingRules.ReasonRule), _file.Current.Decide("Widerspruch", 0.85));
        Assert.Equal("verification", _file.Current.Decide("Widerspruch", 0.75).Target);
        var versions = _editor.History.List();
        Assert.Equal([result.Version!.FileName, versions[1].FileName], versions.Select(v => v.FileName));
        Assert.Equal(ConfigHistory.InitialUser, versions[1].User);
        Assert.Equal(FileContent, _editor.History.Read(result.Version.FileName));
        var audit = Assert.Single(_metadata.ListRecentAudit(10));
        Assert.Equal((AuditAction.ConfigChange, "admin"), (audit.Action, audit.Actor));
        Assert.Contains("Regel Widerspruch: Fachbereich 30 → 32, Mindestkonfidenz 0,7 → 0,8", audit.Detail);
        Assert.Contains(result.Version.FileName, audit.Detail);
    }

    [Theory]
    [InlineData("Widerspruch", "99", "", "nennt den Fachbereich 99, den es nicht gibt")]
    [InlineData("Widerspruch", "30", "1,5", "zwischen 0 und 1")]
    [InlineData("Widerspruch", "30", "viel", "zwischen 0 und 1")]
    [InlineData("Kochrezept", "30", "", "gibt es nicht")]
    public void An_invalid_rule_change_is_refused_in_German_and_nothing_is_written(string type, string department, string threshold, string reason)
    {
        var before = FileContent;
        var result = _editor.UpdateRule("admin", type, department, threshold);
        Assert.False(result.Saved);
        Assert.Contains(result.Errors, e => e.Contains(reason, StringComparison.Ordinal));
        AssertNothingWritten(before);
    }

    [Theory]
    [InlineData("Bauantrag", "Die Dokumentart Bauantrag hat schon eine Regel.")]
    [InlineData("../Akte", "kein gültiger Name für eine Dokumentart")]
    [InlineData(" ", "kein gültiger Name für eine Dokumentart")]
    public void A_document_type_needs_a_new_valid_name(string type, string reason)
    {
        var before = FileContent;
        var result = _editor.AddDocumentType("admin", type, "63", "");
        Assert.Contains(result.Errors, e => e.Contains(reason, StringComparison.Ordinal));
        AssertNothingWritten(before);
    }

    [Fact]
    public void A_new_document_type_with_a_new_department_routes_at_once_and_removing_the_type_sends_it_to_verification()
    {
        Assert.True(_editor.AddDepartment("admin", "37", "Feuerwehr").Saved);
        Assert.True(_editor.AddDocumentType("admin", "Brandschau-Antrag", "37", "0,75").Saved);
        Assert.Equal(("37", RoutingRules.ReasonRule), _file.Current.Decide("Brandschau-Antrag", 0.8));
        Assert.Equal(0.75, _file.Current.MinConfidenceFor("Brandschau-Antrag"));

        Assert.True(_editor.RemoveDocumentType("admin", "Brandschau-Antrag").Saved);
        Assert.Equal(RoutingRules.ReasonNoRule, _file.Current.Decide("Brandschau-Antrag", 0.99).Reason);
        Assert.Equal(4, _editor.History.List().Count);   // the starting point and three changes
        Assert.Equal(3, _metadata.ListRecentAudit(10).Count);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("verification")]
    [InlineData("")]
    [InlineData("10")]
    public void A_department_code_must_be_safe_new_and_not_reserved(string code)
    {
        var before = FileContent;
        var result = _editor.AddDepartment("admin", code, "Neues Amt");
        Assert.False(result.Saved);
        Assert.NotEmpty(result.Errors);
        AssertNothingWritten(before);
    }

    [Fact]
    public void A_department_is_not_removed_while_rules_users_or_documents_name_it_and_the_page_says_why()
    {
        var before = FileContent;
        _metadata.SaveUser(new UserAccount("paula", null, UserRoles.CaseWorker, ["30"], _clock.GetUtcNow()));

        var result = _editor.RemoveDepartment("admin", "30");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Der Fachbereich 30 (Rechtsamt) kann nicht entfernt werden:", error);
        Assert.Contains("die Regeln für Widerspruch leiten Post an ihn", error);
        Assert.Contains("1 Benutzer gehören zu ihm", error);
        AssertNothingWritten(before);

        Assert.True(_editor.AddDepartment("admin", "37", "Feuerwehr").Saved);
        Assert.True(_editor.RemoveDepartment("admin", "37").Saved);
        Assert.DoesNotContain(_file.Current.Departments, d => d.Code == "37");
    }

    [Fact]
    public void Restoring_a_version_saves_it_as_a_new_version_under_the_same_checks()
    {
        var original = _file.Current.ToJson();
        _editor.SetDefaultMinConfidence("admin", "0,5");
        _editor.AddDepartment("admin", "37", "Feuerwehr");
        var starting = _editor.History.List().Last();
        Assert.Equal(ConfigHistory.InitialUser, starting.User);
        _metadata.SaveUser(new UserAccount("fritz", null, UserRoles.CaseWorker, ["37"], _clock.GetUtcNow()));

        // The starting point has no department 37, which a user now belongs to.
        var refused = _editor.Restore("admin", starting.FileName);
        Assert.Contains(refused.Errors, e => e.Contains("Der Fachbereich 37 (Feuerwehr) kann nicht entfernt werden", StringComparison.Ordinal));
        Assert.Equal(3, _editor.History.List().Count);

        _metadata.SaveUser(new UserAccount("fritz", null, UserRoles.CaseWorker, ["10"], _clock.GetUtcNow()));
        var restored = _editor.Restore("admin", starting.FileName);
        Assert.True(restored.Saved, string.Join("; ", restored.Errors));
        Assert.Equal(original, _file.Current.ToJson());
        Assert.Equal(0.6, _file.Current.DefaultMinConfidence);
        Assert.Equal(4, _editor.History.List().Count);
        Assert.Contains(_metadata.ListRecentAudit(10), a => a.Detail!.Contains($"Version {starting.FileName} wiederhergestellt", StringComparison.Ordinal));
        Assert.False(_editor.Restore("admin", "../routing-rules.json").Saved);
    }

    public void Dispose()
    {
        _temp.Dispose();
        _german.Dispose();
    }
}
