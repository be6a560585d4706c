using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Models;
using ScanPipeline.Core.Configuration;

namespace ScanPipeline.Classification.Evaluation;

/// <summary>One scored example: the true label, the predicted one (null when the model abstained) and its confidence.</summary>
public readonly record struct ScoredExample(string Actual, string? Predicted, double Confidence);

/// <summary>Measures a model on labelled texts: accuracy, macro-F1, per-class metrics, confusion, calibration.</summary>
public static class ModelEvaluator
{
    public const int DefaultCalibrationBins = 10;

    public static EvaluationReport Evaluate(
        TrainedModel model, IReadOnlyList<LabeledText> texts, IProgress<int>? progress = null, int calibrationBins = DefaultCalibrationBins)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(texts);
        var scored = new List<ScoredExample>(texts.Count);
        var uncalibrated = new List<ScoredExample>(texts.Count);
        foreach (var text in texts)
        {
            var score = model.Score(text.Text);
            var prediction = score is null ? null : model.ToPrediction(score.Value);
            scored.Add(new ScoredExample(text.Label, prediction?.DocumentType, prediction?.Confidence ?? 0));
            // The trainer's own probability of the same type (temperature scaling never changes the ranking).
            var raw = prediction is null ? 0 : score!.Value.Raw[IndexOf(model.Labels, prediction.DocumentType)];
            uncalibrated.Add(new ScoredExample(text.Label, prediction?.DocumentType, raw));
            progress?.Report(scored.Count);
        }
        var report = Score(scored, model.Labels, model.Version, calibrationBins);
        return report with
        {
            Calibration = report.Calibration with
            {
                Temperature = model.Temperature,
                UncalibratedExpectedCalibrationError = ExpectedCalibrationError(uncalibrated, calibrationBins),
            },
        };
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
            if (labels[i] == label) return i;
        throw new ArgumentException($"'{label}' is not one of the model's labels.", nameof(label));
    }

    /// <summary>
    /// Routes every text as the classify stage would (<see cref="RoutingRules.Decide(Core.Classification.Prediction?)"/>):
    /// how many <paramref name="outOfDomain"/> texts (labelled by kind, e.g. "Werbung") go to verification, and,
    /// as the cost, how many <paramref name="inDomain"/> texts do. A predicted type the rules have no rule for
    /// (a model trained on other labels, such as news categories) is judged by the default threshold, so that
    /// only the two signals are measured: the out-of-domain flag and the confidence threshold.
    /// </summary>
    public static OutOfDomainReport EvaluateOutOfDomain(
        TrainedModel model, IReadOnlyList<LabeledText> inDomain, IReadOnlyList<LabeledText> outOfDomain, RoutingRules rules)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inDomain);
        ArgumentNullException.ThrowIfNull(outOfDomain);
        ArgumentNullException.ThrowIfNull(rules);
        var oodRoutes = outOfDomain.Select(t => (t.Label, Route: Route(model, rules, t.Text))).ToList();
        var perKind = oodRoutes.GroupBy(r => r.Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Outcome(g.Select(r => r.Route).ToList()), StringComparer.Ordinal);
        var all = Outcome(oodRoutes.Select(r => r.Route).ToList());
        var inDomainOutcome = Outcome(inDomain.Select(t => Route(model, rules, t.Text)).ToList());
        return new OutOfDomainReport(model.OutOfDomainThreshold, rules.DefaultMinConfidence, all.Examples, all.ToVerification, all.Rate,
            all.Reasons, perKind, inDomainOutcome);
    }

    /// <summary>One text's route: the reason when it goes to verification (null: to a department), the same without the out-of-domain flag, and its domain similarity.</summary>
    private readonly record struct TextRoute(string? Reason, bool ByConfidenceAlone, double? DomainSimilarity);

    private static TextRoute Route(TrainedModel model, RoutingRules rules, string text)
    {
        var prediction = model.Predict(text);
        if (prediction is null) return new TextRoute(RoutingRules.ReasonNoModel, true, null);
        var lowConfidence = prediction.Confidence < rules.MinConfidenceFor(prediction.DocumentType);
        var reason = prediction.OutOfDomain ? RoutingRules.ReasonUnknownType : lowConfidence ? RoutingRules.ReasonLowConfidence : null;
        return new TextRoute(reason, lowConfidence, prediction.DomainSimilarity);
    }

    private static RoutingOutcome Outcome(IReadOnlyList<TextRoute> routes)
    {
        var caught = routes.Where(r => r.Reason is not null).Select(r => r.Reason!).ToList();
        var byReason = caught.GroupBy(r => r, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var similarities = routes.Where(r => r.DomainSimilarity is not null).Select(r => r.DomainSimilarity!.Value).Order().ToList();
        IReadOnlyList<double> summary = similarities.Count == 0
            ? []
            : [Math.Round(similarities[0], 4), Math.Round(OutOfDomainDetection.Quantile(similarities, 0.5), 4), Math.Round(similarities[^1], 4)];
        return new RoutingOutcome(routes.Count, caught.Count, Ratio(caught.Count, routes.Count), byReason,
            routes.Count(r => r.ByConfidenceAlone), summary);
    }

    /// <summary>The metrics of already scored examples; <paramref name="modelLabels"/> are the labels the model can predict.</summary>
    public static EvaluationReport Score(
        IReadOnlyList<ScoredExample> examples, IReadOnlyList<string> modelLabels, string? modelVersion = null,
        int calibrationBins = DefaultCalibrationBins)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(modelLabels);
        ArgumentOutOfRangeException.ThrowIfLessThan(calibrationBins, 1);

        var known = new HashSet<string>(modelLabels, StringComparer.Ordinal);
        var unknown = examples.Select(e => e.Actual).Where(l => !known.Contains(l)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        var labels = modelLabels.Concat(unknown).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);

        var matrix = new int[labels.Count, labels.Count];
        int correct = 0, abstained = 0;
        foreach (var e in examples)
        {
            if (e.Predicted is null)
            {
                abstained++;
                continue;
            }
            if (!index.TryGetValue(e.Predicted, out var predicted))
                throw new ArgumentException($"Predicted label '{e.Predicted}' is not one of the model's labels.", nameof(examples));
            matrix[index[e.Actual], predicted]++;
            if (e.Predicted == e.Actual) correct++;
        }

        var perClass = new Dictionary<string, ClassMetrics>(StringComparer.Ordinal);
        var f1s = new List<double>();
        for (var i = 0; i < labels.Count; i++)
        {
            var support = examples.Count(e => e.Actual == labels[i]);
            var truePositives = matrix[i, i];
            var predictedCount = Enumerable.Range(0, labels.Count).Sum(r => matrix[r, i]);
            var precision = Ratio(truePositives, predictedCount);
            var recall = Ratio(truePositives, support);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass[labels[i]] = new ClassMetrics(precision, recall, f1, support);
            if (support > 0 || predictedCount > 0) f1s.Add(f1);
        }

        var rows = Enumerable.Range(0, labels.Count)
            .Select(r => (IReadOnlyList<int>)Enumerable.Range(0, labels.Count).Select(c => matrix[r, c]).ToArray())
            .ToList();
        return new EvaluationReport(
            modelVersion, examples.Count, abstained, Ratio(correct, examples.Count), f1s.Count == 0 ? 0 : f1s.Average(),
            perClass, new ConfusionMatrix(labels, rows), Calibrate(examples, calibrationBins), unknown);
    }

    /// <summary>The expected calibration error of scored examples over equal-width confidence bins.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<ScoredExample> examples, int calibrationBins = DefaultCalibrationBins) =>
        Calibrate(examples, calibrationBins).ExpectedCalibrationError;

    /// <summary>Equal-width confidence bins over the predictions the model made (abstentions have no confidence).</summary>
    private static CalibrationReport Calibrate(IReadOnlyList<ScoredExample> examples, int binCount)
    {
        var predicted = examples.Where(e => e.Predicted is not null).ToList();
        var bins = new List<ReliabilityBin>(binCount);
        double ece = 0;
        for (var b = 0; b < binCount; b++)
        {
            double lower = (double)b / binCount, upper = (double)(b + 1) / binCount;
            var inBin = predicted.Where(e => BinOf(e.Confidence, binCount) == b).ToList();
            var meanConfidence = inBin.Count == 0 ? 0 : inBin.Average(e => e.Confidence);
            var accuracy = Ratio(inBin.Count(e => e.Predicted == e.Actual), inBin.Count);
            bins.Add(new ReliabilityBin(lower, upper, inBin.Count, meanConfidence, accuracy));
            if (predicted.Count > 0) ece += (double)inBin.Count / predicted.Count * Math.Abs(accuracy - meanConfidence);
        }
        return new CalibrationReport(ece, bins);
    }

    private static int BinOf(double confidence, int binCount) =>
        Math.Clamp((int)Math.Floor(confidence * binCount), 0, binCount - 1);

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
