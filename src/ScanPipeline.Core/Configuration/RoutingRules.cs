using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScanPipeline.Core.Configuration;

public sealed record Department(string Code, string Name);

/// <summary>One rule: documents of a type go to a department, when the model is at least this sure.</summary>
public sealed record RoutingRule(string DocumentType, string Department, double? MinConfidence = null);

/// <summary>
/// The routing-rules file: departments, document type → department, and the confidence below which a
/// document goes to verification instead. Offices differ by city, so this is configuration, not code.
/// </summary>
public sealed class RoutingRules
{
    public double DefaultMinConfidence { get; init; } = 0.6;
    public IReadOnlyList<Department> Departments { get; init; } = [];
    public IReadOnlyList<RoutingRule> Rules { get; init; } = [];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static RoutingRules Load(string path)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"Routing rules file not found: {path}");
        return LoadJson(File.ReadAllText(path), path);
    }

    /// <summary>Reads and validates rules from JSON; invalid rules throw with every problem named. <paramref name="source"/> names the file in errors.</summary>
    public static RoutingRules LoadJson(string json, string source)
    {
        var rules = Parse(json, source);
        var errors = rules.Validate();
        if (errors.Count > 0)
            throw new InvalidOperationException($"Routing rules in {source} are invalid: " + string.Join("; ", errors));
        return rules;
    }

    /// <summary>Reads rules from JSON (comments and trailing commas allowed) without validating them; <paramref name="source"/> names it in errors.</summary>
    public static RoutingRules Parse(string json, string source = "routing rules")
    {
        try
        {
            return JsonSerializer.Deserialize<RoutingRules>(json.TrimStart('\uFEFF'), JsonOptions)
                   ?? throw new InvalidOperationException($"Routing rules file is empty: {source}");
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException($"Routing rules in {source} are not valid JSON: {error.Message}", error);
        }
    }

    /// <summary>A copy with the given parts replaced.</summary>
    public RoutingRules With(double? defaultMinConfidence = null, IReadOnlyList<Department>? departments = null,
        IReadOnlyList<RoutingRule>? rules = null) => new()
    {
        DefaultMinConfidence = defaultMinConfidence ?? DefaultMinConfidence,
        Departments = departments ?? Departments,
        Rules = rules ?? Rules,
    };

    /// <summary>The rules as the file stores them (camelCase, indented, thresholds only where a rule has its own).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Every problem, in English (for logs and the command line); <see cref="Check"/> gives them one by one.</summary>
    public IReadOnlyList<string> Validate() => [.. Check().Select(p => p.Message)];

    /// <summary>Every problem of these rules, each with its kind and subject, so that a page can say it in its own language.</summary>
    public IReadOnlyList<RoutingRulesProblem> Check()
    {
        var problems = new List<RoutingRulesProblem>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in Departments)
        {
            if (!IsValidCode(d.Code)) problems.Add(new(RoutingRulesProblemKind.InvalidDepartmentCode, d.Code));
            else if (!codes.Add(d.Code)) problems.Add(new(RoutingRulesProblemKind.DuplicateDepartment, d.Code));
            if (d.Code == Messages.Routing.VerificationTarget) problems.Add(new(RoutingRulesProblemKind.ReservedDepartmentCode, d.Code));
            if (!IsValidName(d.Name, MaxDepartmentNameLength)) problems.Add(new(RoutingRulesProblemKind.InvalidDepartmentName, d.Code));
        }
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Rules)
        {
            if (!IsValidDocumentType(r.DocumentType)) problems.Add(new(RoutingRulesProblemKind.InvalidDocumentType, r.DocumentType));
            else if (!types.Add(r.DocumentType)) problems.Add(new(RoutingRulesProblemKind.DuplicateRule, r.DocumentType));
            if (!codes.Contains(r.Department)) problems.Add(new(RoutingRulesProblemKind.UnknownDepartment, r.DocumentType, r.Department));
            if (r.MinConfidence is < 0 or > 1 or double.NaN) problems.Add(new(RoutingRulesProblemKind.ThresholdOutOfRange, r.DocumentType));
        }
        if (DefaultMinConfidence is < 0 or > 1 or double.NaN) problems.Add(new(RoutingRulesProblemKind.DefaultThresholdOutOfRange));
        if (Departments.Count == 0) problems.Add(new(RoutingRulesProblemKind.NoDepartments));
        return problems;
    }

    public const string ReasonRule = "rule";
    public const string ReasonNoModel = "no-model";
    public const string ReasonNoRule = "no-rule";
    public const string ReasonUnknownType = "unknown-type";
    public const string ReasonLowConfidence = "low-confidence";

    /// <summary>Department code for a classifier's prediction (null: no usable model), or verification with the reason why.</summary>
    public (string Target, string Reason) Decide(Classification.Prediction? prediction) =>
        Decide(prediction?.DocumentType, prediction?.Confidence ?? 0, prediction?.OutOfDomain ?? false);

    /// <summary>
    /// Department code for a prediction, or verification with the reason why: no-model (no type), unknown-type
    /// (the document is unlike every known type, whatever the confidence), no-rule, low-confidence (below the
    /// rule's minConfidence, else defaultMinConfidence); at or above the threshold the rule's department.
    /// </summary>
    public (string Target, string Reason) Decide(string? documentType, double confidence, bool outOfDomain = false)
    {
        if (documentType is null) return (Messages.Routing.VerificationTarget, ReasonNoModel);
        if (outOfDomain) return (Messages.Routing.VerificationTarget, ReasonUnknownType);
        var rule = Rules.FirstOrDefault(r => r.DocumentType == documentType);
        if (rule is null) return (Messages.Routing.VerificationTarget, ReasonNoRule);
        return confidence >= MinConfidenceFor(rule) ? (rule.Department, ReasonRule) : (Messages.Routing.VerificationTarget, ReasonLowConfidence);
    }

    /// <summary>The confidence a document of this type needs to go to its department: its rule's minConfidence, else the default.</summary>
    public double MinConfidenceFor(string documentType) =>
        Rules.FirstOrDefault(r => r.DocumentType == documentType) is { } rule ? MinConfidenceFor(rule) : DefaultMinConfidence;

    private double MinConfidenceFor(RoutingRule rule) => rule.MinConfidence ?? DefaultMinConfidence;

    /// <summary>Codes are used in queue names and folder names, so they are kept to a safe alphabet.</summary>
    public static bool IsValidCode(string code) =>
        code.Length is > 0 and <= 32 && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public const int MaxDepartmentNameLength = 100;
    public const int MaxDocumentTypeLength = 100;

    /// <summary>
    /// A document type is a model's label and the name of a training folder: one line of text, not only spaces,
    /// no path separators, not "." or "..".
    /// </summary>
    public static bool IsValidDocumentType(string? type) =>
        IsValidName(type, MaxDocumentTypeLength) && type!.IndexOfAny(['/', '\\']) < 0 && type is not ("." or "..");

    private static bool IsValidName(string? name, int maxLength) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= maxLength && !name.Any(char.IsControl);
}

public enum RoutingRulesProblemKind
{
    InvalidDepartmentCode,
    DuplicateDepartment,
    ReservedDepartmentCode,
    InvalidDepartmentName,
    InvalidDocumentType,
    DuplicateRule,
    UnknownDepartment,
    ThresholdOutOfRange,
    DefaultThresholdOutOfRange,
    NoDepartments,
}

/// <summary>One problem of a set of routing rules: its kind, the department code or document type it concerns, and for an unknown department the code named.</summary>
public sealed record RoutingRulesProblem(RoutingRulesProblemKind Kind, string? Subject = null, string? Department = null)
{
    public string Message => Kind switch
    {
        RoutingRulesProblemKind.InvalidDepartmentCode => $"department code '{Subject}' must be 1-32 letters, digits or '-'",
        RoutingRulesProblemKind.DuplicateDepartment => $"department '{Subject}' is listed twice",
        RoutingRulesProblemKind.ReservedDepartmentCode => $"'{Subject}' is reserved",
        RoutingRulesProblemKind.InvalidDepartmentName => $"department '{Subject}' needs a name of at most {RoutingRules.MaxDepartmentNameLength} characters on one line",
        RoutingRulesProblemKind.InvalidDocumentType => $"document type '{Subject}' must be one line of at most {RoutingRules.MaxDocumentTypeLength} characters without '/' or '\\'",
        RoutingRulesProblemKind.DuplicateRule => $"document type '{Subject}' has two rules",
        RoutingRulesProblemKind.UnknownDepartment => $"rule for '{Subject}' names unknown department '{Department}'",
        RoutingRulesProblemKind.ThresholdOutOfRange => $"rule for '{Subject}' has a threshold outside 0..1",
        RoutingRulesProblemKind.DefaultThresholdOutOfRange => "defaultMinConfidence must be within 0..1",
        RoutingRulesProblemKind.NoDepartments => "no departments",
        _ => Kind.ToString(),
    };
}
