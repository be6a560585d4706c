using ScanPipeline.Core.Configuration;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Configuration;
using static ScanPipeline.Web.Configuration.ConfigText;

namespace ScanPipeline.Web.Configuration;

/// <summary>
/// Changes to the routing rules (config/routing-rules.json) from the admin pages: document types with their rule
/// (department, optional minConfidence), the default threshold and the departments. Each change starts from the rules
/// in force, is validated as a whole (<see cref="RoutingRules.Check"/>, and no department removed while documents,
/// e-files, users or rules still name it), saved as a new version (<see cref="ConfigHistory"/>) and audited. The
/// pipeline and the web read the file through <see cref="RoutingRulesFile"/>, so a saved change applies to the next
/// document without a restart. A refused change writes nothing and says why.
/// </summary>
public sealed class RoutingRulesEditor(RoutingRulesFile file, MetadataStore metadata, TimeProvider clock)
{
    /// <summary>One change at a time, so that two admins' changes are applied one after the other, neither lost.</summary>
    private readonly Lock _lock = new();

    public const string FileKind = "routing-rules";

    public ConfigHistory History { get; } = new(file.Path);

    public RoutingRules Current => file.Current;

    public ConfigChangeResult AddDocumentType(string actor, string? type, string? department, string? minConfidence) => Change(actor, rules =>
    {
        var name = type?.Trim() ?? "";
        var (ok, threshold) = ParseThreshold(minConfidence);
        if (!RoutingRules.IsValidDocumentType(name)) return Refuse(Say(ConfigTexts.Error_DocumentTypeInvalid, name, RoutingRules.MaxDocumentTypeLength));
        if (rules.Rules.Any(r => r.DocumentType == name)) return Refuse(Say(ConfigTexts.Error_DocumentTypeExists, name));
        if (!ok) return Refuse(ConfigTexts.Error_ThresholdInvalid);
        var rule = new RoutingRule(name, department?.Trim() ?? "", threshold);
        return Changed(rules.With(rules: [.. rules.Rules, rule]),
            Audit(nameof(ConfigTexts.Audit_TypeAdded), name, rule.Department, GermanThreshold(threshold)),
            Say(ConfigTexts.Saved_TypeAdded, name));
    });

    public ConfigChangeResult UpdateRule(string actor, string? type, string? department, string? minConfidence) => Change(actor, rules =>
    {
        var (ok, threshold) = ParseThreshold(minConfidence);
        if (rules.Rules.FirstOrDefault(r => r.DocumentType == type) is not { } old) return Refuse(Say(ConfigTexts.Error_DocumentTypeUnknown, type));
        if (!ok) return Refuse(ConfigTexts.Error_ThresholdInvalid);
        var rule = old with { Department = department?.Trim() ?? "", MinConfidence = threshold };
        if (rule == old) return Refuse(ConfigTexts.Error_NothingChanged);
        return Changed(rules.With(rules: [.. rules.Rules.Select(r => r == old ? rule : r)]),
            Audit(nameof(ConfigTexts.Audit_RuleChanged), old.DocumentType, old.Department, rule.Department,
                GermanThreshold(old.MinConfidence), GermanThreshold(rule.MinConfidence)),
            Say(ConfigTexts.Saved_RuleChanged, old.DocumentType));
    });

    public ConfigChangeResult RemoveDocumentType(string actor, string? type) => Change(actor, rules =>
    {
        if (rules.Rules.FirstOrDefault(r => r.DocumentType == type) is not { } old) return Refuse(Say(ConfigTexts.Error_DocumentTypeUnknown, type));
        return Changed(rules.With(rules: [.. rules.Rules.Where(r => r != old)]),
            Audit(nameof(ConfigTexts.Audit_TypeRemoved), old.DocumentType, old.Department),
            Say(ConfigTexts.Saved_TypeRemoved, old.DocumentType));
    });

    public ConfigChangeResult SetDefaultMinConfidence(string actor, string? value) => Change(actor, rules =>
    {
        var (ok, threshold) = ParseThreshold(value);
        if (!ok || threshold is null) return Refuse(ConfigTexts.Error_ThresholdInvalid);
        if (threshold == rules.DefaultMinConfidence) return Refuse(ConfigTexts.Error_NothingChanged);
        return Changed(rules.With(defaultMinConfidence: threshold.Value),
            Audit(nameof(ConfigTexts.Audit_DefaultChanged), GermanThreshold(rules.DefaultMinConfidence), GermanThreshold(threshold)),
            ConfigTexts.Saved_DefaultChanged);
    });

    public ConfigChangeResult AddDepartment(string actor, string? code, string? name) => Change(actor, rules =>
    {
        var department = new Department(code?.Trim() ?? "", name?.Trim() ?? "");
        if (rules.Departments.Any(d => d.Code == department.Code)) return Refuse(Say(ConfigTexts.Error_DepartmentExists, department.Code));
        return Changed(rules.With(departments: [.. rules.Departments, department]),
            Audit(nameof(ConfigTexts.Audit_DepartmentAdded), department.Code, department.Name),
            Say(ConfigTexts.Saved_DepartmentAdded, department.Code, department.Name));
    });

    public ConfigChangeResult RenameDepartment(string actor, string? code, string? name) => Change(actor, rules =>
    {
        if (rules.Departments.FirstOrDefault(d => d.Code == code) is not { } old) return Refuse(Say(ConfigTexts.Error_DepartmentUnknown, code));
        var renamed = old with { Name = name?.Trim() ?? "" };
        if (renamed == old) return Refuse(ConfigTexts.Error_NothingChanged);
        return Changed(rules.With(departments: [.. rules.Departments.Select(d => d == old ? renamed : d)]),
            Audit(nameof(ConfigTexts.Audit_DepartmentRenamed), old.Code, old.Name, renamed.Name),
            Say(ConfigTexts.Saved_DepartmentRenamed, old.Code));
    });

    public ConfigChangeResult RemoveDepartment(string actor, string? code) => Change(actor, rules =>
    {
        if (rules.Departments.FirstOrDefault(d => d.Code == code) is not { } old) return Refuse(Say(ConfigTexts.Error_DepartmentUnknown, code));
        return Changed(rules.With(departments: [.. rules.Departments.Where(d => d != old)]),
            Audit(nameof(ConfigTexts.Audit_DepartmentRemoved), old.Code, old.Name),
            Say(ConfigTexts.Saved_DepartmentRemoved, old.Code, old.Name));
    });

    /// <summary>Makes a saved version the rules in force again, as a new version, under the same checks as any change.</summary>
    public ConfigChangeResult Restore(string actor, string? versionFileName) => Change(actor, _ =>
    {
        if (History.Read(versionFileName) is not { } json) return Refuse(ConfigTexts.Error_VersionUnknown);
        RoutingRules restored;
        try
        {
            restored = RoutingRules.Parse(json, versionFileName!);
        }
        catch (InvalidOperationException)
        {
            return Refuse(ConfigTexts.Error_VersionUnreadable);
        }
        return Changed(restored, Audit(nameof(ConfigTexts.Audit_Restored), versionFileName), Say(ConfigTexts.Saved_Restored, versionFileName));
    });

    /// <summary>What a page may show about a department: why it cannot be removed now (empty when it can).</summary>
    public IReadOnlyList<string> ReasonsToKeep(RoutingRules rules, Department department)
    {
        var reasons = new List<string>();
        var types = rules.Rules.Where(r => r.Department == department.Code).Select(r => r.DocumentType).ToList();
        if (types.Count > 0) reasons.Add(Say(ConfigTexts.Keep_Rules, string.Join(", ", types)));
        if (metadata.CountInboxByDepartment().GetValueOrDefault(department.Code) is > 0 and var documents)
            reasons.Add(Say(ConfigTexts.Keep_Documents, documents));
        if (metadata.ListCaseFiles().Count(c => c.Department == department.Code) is > 0 and var caseFiles)
            reasons.Add(Say(ConfigTexts.Keep_CaseFiles, caseFiles));
        if (metadata.ListUsersOfDepartment(department.Code).Count is > 0 and var users)
            reasons.Add(Say(ConfigTexts.Keep_Users, users));
        return reasons;
    }

    private sealed record Proposal(RoutingRules? Rules, string? Error, string AuditDetail, string Message);

    private static Proposal Refuse(string error) => new(null, error, "", "");

    private static Proposal Changed(RoutingRules rules, string auditDetail, string message) => new(rules, null, auditDetail, message);

    private ConfigChangeResult Change(string actor, Func<RoutingRules, Proposal> propose)
    {
        lock (_lock)
        {
            var before = file.Current;
            var proposal = propose(before);
            if (proposal.Rules is not { } after) return ConfigChangeResult.Refused(proposal.Error!);

            var removed = before.Departments.Where(d => after.Departments.All(a => a.Code != d.Code)).ToList();
            // A rule naming a removed department is said once, below, with everything else that still names it.
            var errors = after.Check()
                .Where(p => !(p.Kind == RoutingRulesProblemKind.UnknownDepartment && removed.Any(d => d.Code == p.Department)))
                .Select(Explain).ToList();
            foreach (var department in removed)
            {
                var reasons = ReasonsToKeep(after, department);
                if (reasons.Count > 0) errors.Add(Say(ConfigTexts.Error_DepartmentInUse, department.Code, department.Name, string.Join("; ", reasons)));
            }
            if (errors.Count > 0) return ConfigChangeResult.Refused(errors.Distinct());

            var now = clock.GetUtcNow();
            var version = History.Save(after.ToJson(), actor, now, before: File.Exists(file.Path) ? File.ReadAllText(file.Path) : null);
            metadata.Audit(actor, Storage.AuditAction.ConfigChange, null,
                $"{Path.GetFileName(file.Path)}: {proposal.AuditDetail} ({version.FileName})", now);
            return ConfigChangeResult.Done(proposal.Message, version);
        }
    }

    /// <summary>A problem of the rules as a sentence for the page.</summary>
    public static string Explain(RoutingRulesProblem problem) => problem.Kind switch
    {
        RoutingRulesProblemKind.InvalidDepartmentCode => Say(ConfigTexts.Problem_InvalidDepartmentCode, problem.Subject),
        RoutingRulesProblemKind.DuplicateDepartment => Say(ConfigTexts.Problem_DuplicateDepartment, problem.Subject),
        RoutingRulesProblemKind.ReservedDepartmentCode => Say(ConfigTexts.Problem_ReservedDepartmentCode, problem.Subject),
        RoutingRulesProblemKind.InvalidDepartmentName => Say(ConfigTexts.Problem_InvalidDepartmentName, problem.Subject, RoutingRules.MaxDepartmentNameLength),
        RoutingRulesProblemKind.InvalidDocumentType => Say(ConfigTexts.Error_DocumentTypeInvalid, problem.Subject, RoutingRules.MaxDocumentTypeLength),
        RoutingRulesProblemKind.DuplicateRule => Say(ConfigTexts.Error_DocumentTypeExists, problem.Subject),
        RoutingRulesProblemKind.UnknownDepartment => Say(ConfigTexts.Problem_UnknownDepartment, problem.Subject, problem.Department),
        RoutingRulesProblemKind.ThresholdOutOfRange or RoutingRulesProblemKind.DefaultThresholdOutOfRange => ConfigTexts.Error_ThresholdInvalid,
        RoutingRulesProblemKind.NoDepartments => ConfigTexts.Problem_NoDepartments,
        _ => problem.Message,
    };
}
