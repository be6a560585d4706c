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
        var rules = JsonSerializer.Deserialize<RoutingRules>(File.ReadAllText(path), JsonOptions)
                    ?? throw new InvalidOperationException($"Routing rules file is empty: {path}");
        var errors = rules.Validate();
        if (errors.Count > 0)
            throw new InvalidOperationException($"Routing rules in {path} are invalid: " + string.Join("; ", errors));
        return rules;
    }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in Departments)
        {
            if (!IsValidCode(d.Code)) errors.Add($"department code '{d.Code}' must be 1-32 letters, digits or '-'");
            else if (!codes.Add(d.Code)) errors.Add($"department '{d.Code}' is listed twice");
            if (d.Code == Messages.Routing.VerificationTarget) errors.Add("'verification' is reserved");
        }
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Rules)
        {
            if (!types.Add(r.DocumentType)) errors.Add($"document type '{r.DocumentType}' has two rules");
            if (!codes.Contains(r.Department)) errors.Add($"rule for '{r.DocumentType}' names unknown department '{r.Department}'");
            if (r.MinConfidence is < 0 or > 1) errors.Add($"rule for '{r.DocumentType}' has a threshold outside 0..1");
        }
        if (DefaultMinConfidence is < 0 or > 1) errors.Add("defaultMinConfidence must be within 0..1");
        if (Departments.Count == 0) errors.Add("no departments");
        return errors;
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
}
