using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Evaluation;

namespace ScanPipeline.Classification.Models;

/// <summary>What <see cref="ModelPromotion.Promote"/> decided, with the held-out figures it decided on.</summary>
public sealed record PromotionResult(
    bool Promoted, string Candidate, EvaluationReport CandidateReport, string? Current, EvaluationReport? CurrentReport,
    bool Forced, string? CurrentUnusableReason)
{
    /// <summary>True when the candidate was refused because its held-out macro-F1 is below the current model's.</summary>
    public bool RefusedByGate => !Promoted && CurrentReport is not null;
}

/// <summary>
/// The promotion gate: a model becomes active only when its macro-F1 on held-out labelled data is at
/// least the current model's on the same data, unless forced. Both models are measured side by side on
/// the same texts at promotion time, so models trained on different data (and validated on different
/// splits) are compared fairly. When no current model loads there is nothing to compare with, and the
/// candidate is promoted (it only has to load).
/// </summary>
public static class ModelPromotion
{
    public static PromotionResult Promote(
        ModelRegistry registry, string version, IReadOnlyList<LabeledText> heldOut, bool force, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(heldOut);
        if (heldOut.Count == 0) throw new ArgumentException("The promotion gate needs held-out labelled texts.", nameof(heldOut));

        EvaluationReport candidateReport;
        using (var candidate = registry.Load(version))
            candidateReport = ModelEvaluator.Evaluate(candidate, heldOut);

        string? currentVersion = null;
        EvaluationReport? currentReport = null;
        string? unusable = null;
        try
        {
            currentVersion = registry.GetActiveVersion();
            if (currentVersion is not null && currentVersion != version)
            {
                using var current = registry.Load(currentVersion);
                currentReport = ModelEvaluator.Evaluate(current, heldOut);
            }
        }
        catch (ModelLoadException ex)
        {
            // A broken active model cannot block its own replacement.
            unusable = ex.Message;
        }

        var passes = currentReport is null || candidateReport.MacroF1 >= currentReport.MacroF1;
        if (!passes && !force)
            return new PromotionResult(false, version, candidateReport, currentVersion, currentReport, Forced: false, unusable);

        var reason = force && !passes
            ? $"promote --force (held-out macro-F1 {candidateReport.MacroF1:F4} < {currentReport!.MacroF1:F4})"
            : $"promote (held-out macro-F1 {candidateReport.MacroF1:F4})";
        registry.Activate(version, reason, clock);
        return new PromotionResult(true, version, candidateReport, currentVersion, currentReport, Forced: force && !passes, unusable);
    }
}
