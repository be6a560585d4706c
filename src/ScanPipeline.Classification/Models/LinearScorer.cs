using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ScanPipeline.Classification.Models;

/// <summary>
/// Scores a maximum-entropy model from its feature vector: softmax(W·x + b), over the non-zero features only.
/// Prediction runs the featurisation once through ML.NET and scores here. Asking ML.NET for the Score and the
/// Features column together runs the featurisation twice, and the featurisation is most of a prediction's cost;
/// the out-of-domain similarity needs the features, so scoring them here halves the work per document.
/// </summary>
internal sealed class LinearScorer
{
    private readonly float[] _weights;   // feature-major: weight of (feature f, class c) at f × classes + c
    private readonly float[] _biases;

    private LinearScorer(float[] weights, float[] biases, int dimension)
    {
        _weights = weights;
        _biases = biases;
        Dimension = dimension;
    }

    public int Dimension { get; }

    public int ClassCount => _biases.Length;

    /// <summary>
    /// Splits a trained chain into its featurisation and a scorer for its last step. Throws
    /// <see cref="ModelLoadException"/> when the last step is not a maximum-entropy model.
    /// </summary>
    public static (ITransformer Featurizer, LinearScorer Scorer) Split(ITransformer transformer)
    {
        // A trained chain is typed by its last step, a loaded one is not: both list their steps.
        var steps = (transformer as IEnumerable<ITransformer>)?.ToArray() ?? [];
        if (steps.Length < 2 || steps[^1] is not MulticlassPredictionTransformer<MaximumEntropyModelParameters> predictor)
            throw new ModelLoadException("The model is not a text featurisation followed by a maximum-entropy classifier.");
        var featurizer = new TransformerChain<ITransformer>(steps[..^1]);

        VBuffer<float>[] rows = [];
        predictor.Model.GetWeights(ref rows, out var classes);
        var biases = predictor.Model.GetBiases().ToArray();
        if (classes != biases.Length || rows.Length != classes)
            throw new ModelLoadException($"The classifier has {rows.Length} weight rows and {biases.Length} biases for {classes} classes.");
        var dimension = rows[0].Length;
        var weights = new float[(long)dimension * classes];
        for (var c = 0; c < classes; c++)
        {
            var values = rows[c].GetValues();
            var indices = rows[c].GetIndices();
            for (var i = 0; i < values.Length; i++)
                weights[(long)(rows[c].IsDense ? i : indices[i]) * classes + c] = values[i];
        }
        return (featurizer, new LinearScorer(weights, biases, dimension));
    }

    /// <summary>Class probabilities in key order.</summary>
    public float[] Score(in VBuffer<float> features)
    {
        if (features.Length != Dimension)
            throw new InvalidOperationException($"Feature vector has {features.Length} slots; the classifier has {Dimension}.");
        var classes = _biases.Length;
        Span<double> logits = classes <= 256 ? stackalloc double[classes] : new double[classes];
        for (var c = 0; c < classes; c++) logits[c] = _biases[c];
        FeatureMajorMatrix.Accumulate(features, _weights, logits);
        double max = double.NegativeInfinity, sum = 0;
        foreach (var l in logits) max = Math.Max(max, l);
        var scores = new float[classes];
        for (var c = 0; c < classes; c++) sum += Math.Exp(logits[c] - max);
        for (var c = 0; c < classes; c++) scores[c] = (float)(Math.Exp(logits[c] - max) / sum);
        return scores;
    }
}
