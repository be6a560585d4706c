using Microsoft.ML;
using Microsoft.ML.Data;

namespace ScanPipeline.Classification.Training;

/// <summary>
/// Temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", 2017): the model's class
/// probabilities p are replaced by softmax(log p / T). One parameter T, fitted after the trainer was chosen
/// by minimising the negative log-likelihood on the validation split, which the model did not learn from.
/// T &gt; 1 softens over-confident scores, T &lt; 1 sharpens under-confident ones; the ranking of the classes,
/// and so the predicted type, never changes.
/// </summary>
public static class TemperatureScaling
{
    /// <summary>The range T is searched in; beyond it the validation split is too small to say anything.</summary>
    public const double MinTemperature = 0.05, MaxTemperature = 20;

    /// <summary>Probabilities below this are treated as this, so that log p stays finite.</summary>
    private const double Floor = 1e-12;

    /// <summary>One scored validation example: the index of its true label and the model's probabilities.</summary>
    internal readonly record struct ScoredRow(int Actual, float[] Probabilities);

    /// <summary>
    /// The temperature that minimises the mean negative log-likelihood of <paramref name="rows"/>. When the
    /// model got every row right the likelihood only grows as T falls towards 0: no finite optimum exists and
    /// sharpening on that evidence would be overfitting, so the confidences are left as they are (T = 1).
    /// </summary>
    internal static double Fit(IReadOnlyList<ScoredRow> rows)
    {
        if (rows.Count == 0 || rows.All(r => ArgMax(r.Probabilities) == r.Actual)) return 1;
        // NLL(T) of softmax(z / T) is convex in 1/T; a fine grid over log T and a golden-section refinement are plenty for one parameter.
        double best = 1, bestNll = NegativeLogLikelihood(rows, 1);
        for (var logT = Math.Log(MinTemperature); logT <= Math.Log(MaxTemperature) + 1e-9; logT += 0.05)
        {
            var nll = NegativeLogLikelihood(rows, Math.Exp(logT));
            if (nll < bestNll) (best, bestNll) = (Math.Exp(logT), nll);
        }
        double lo = Math.Max(Math.Log(MinTemperature), Math.Log(best) - 0.05), hi = Math.Min(Math.Log(MaxTemperature), Math.Log(best) + 0.05);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var i = 0; i < 40; i++)
        {
            double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
            if (NegativeLogLikelihood(rows, Math.Exp(a)) <= NegativeLogLikelihood(rows, Math.Exp(b))) hi = b;
            else lo = a;
        }
        var refined = Math.Exp((lo + hi) / 2);
        return NegativeLogLikelihood(rows, refined) <= bestNll ? refined : best;
    }

    /// <summary>Mean negative log-likelihood of the true labels after scaling by <paramref name="temperature"/>.</summary>
    internal static double NegativeLogLikelihood(IReadOnlyList<ScoredRow> rows, double temperature)
    {
        if (rows.Count == 0) return 0;
        double sum = 0;
        foreach (var row in rows)
            sum -= Math.Log(Math.Max(Apply(row.Probabilities, temperature)[row.Actual], Floor));
        return sum / rows.Count;
    }

    /// <summary>softmax(log p / T), computed stably; T = 1 returns the probabilities renormalised.</summary>
    public static double[] Apply(IReadOnlyList<float> probabilities, double temperature)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (temperature <= 0 || double.IsNaN(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "must be positive");
        var logits = new double[probabilities.Count];
        var max = double.NegativeInfinity;
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = Math.Log(Math.Max(probabilities[i], Floor)) / temperature;
            max = Math.Max(max, logits[i]);
        }
        double total = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = Math.Exp(logits[i] - max);
            total += logits[i];
        }
        for (var i = 0; i < logits.Length; i++) logits[i] /= total;
        return logits;
    }

    /// <summary>Every row's label index (key − 1) and score vector from a scored view with LabelKey and Score columns.</summary>
    internal static List<ScoredRow> ReadScores(IDataView scored)
    {
        var labelColumn = scored.Schema[ModelColumns.LabelKey];
        var scoreColumn = scored.Schema[ModelColumns.Score];
        var rows = new List<ScoredRow>();
        using var cursor = scored.GetRowCursor([labelColumn, scoreColumn]);
        var getLabel = cursor.GetGetter<uint>(labelColumn);
        var getScore = cursor.GetGetter<VBuffer<float>>(scoreColumn);
        uint key = 0;
        var buffer = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getLabel(ref key);
            getScore(ref buffer);
            if (key == 0) throw new InvalidOperationException("A validation row has a label the model does not know.");
            rows.Add(new ScoredRow((int)key - 1, buffer.DenseValues().ToArray()));
        }
        return rows;
    }

    private static int ArgMax(float[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }
}
