using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Models;

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
        foreach (var text in texts)
        {
            var prediction = model.Predict(text.Text);
            scored.Add(new ScoredExample(text.Label, prediction?.DocumentType, prediction?.Confidence ?? 0));
            progress?.Report(scored.Count);
        }
        return Score(scored, model.Labels, model.Version, calibrationBins);
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
