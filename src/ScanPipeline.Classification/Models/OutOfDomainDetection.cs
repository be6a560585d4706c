using Microsoft.ML;
using Microsoft.ML.Data;
using ScanPipeline.Classification.Training;

namespace ScanPipeline.Classification.Models;

/// <summary>
/// The manifest's record of the out-of-domain signal, two measures against per-type centroids of the training
/// documents' feature vectors (the model's own featurisation), stored in <see cref="CentroidsFile"/>:
/// <list type="bullet">
/// <item>the <i>domain similarity</i>: the largest cosine similarity to a centroid (far from every type);</item>
/// <item>the <i>prominence</i>: that largest similarity over the mean similarity to all types (no type stands out,
/// as in a text of another kind that resembles every type about equally).</item>
/// </list>
/// A document below <see cref="Threshold"/> or below <see cref="ProminenceThreshold"/> is flagged out of domain.
/// Both thresholds come from the validation split scored against centroids of the rest of the training data
/// (the validation documents play the part of new in-domain post): the <see cref="Percentile"/> of the validation
/// values, for the similarity times <see cref="Margin"/> (scanned post scores lower than clean text; the
/// prominence, a ratio, is not lowered by that and gets no margin).
/// </summary>
public sealed record OutOfDomainDetection(
    string Method, double Threshold, double ProminenceThreshold, double Percentile, double Margin, int ValidationExamples,
    double ValidationMinimum, double ValidationMedian, double ValidationProminenceMinimum, double ValidationProminenceMedian,
    string CentroidsFile, string CentroidsSha256)
{
    public const string CentroidSimilarityMethod = "centroid-similarity-and-prominence";

    /// <summary>Whether a document with these measures is out of domain.</summary>
    public bool IsOutOfDomain(double similarity, double prominence) => similarity < Threshold || prominence < ProminenceThreshold;

    /// <summary>
    /// The thresholds from the validation split: centroids of <paramref name="trainFeatures"/>, similarities and
    /// prominences of <paramref name="validationFeatures"/> (both featurised by the same featuriser, with LabelKey),
    /// and the <paramref name="percentile"/> of each (linear interpolation between order statistics), the
    /// similarity's times <paramref name="margin"/>.
    /// </summary>
    internal static OutOfDomainDetection Fit(IDataView trainFeatures, IDataView validationFeatures, int classCount, double percentile, double margin)
    {
        var centroids = ClassCentroids.Compute(trainFeatures, classCount);
        var similarities = new List<double>();
        var prominences = new List<double>();
        var column = validationFeatures.Schema[ModelColumns.Features];
        using (var cursor = validationFeatures.GetRowCursor([column]))
        {
            var getFeatures = cursor.GetGetter<VBuffer<float>>(column);
            var features = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                getFeatures(ref features);
                var (similarity, prominence) = centroids.Similarity(features);
                similarities.Add(similarity);
                prominences.Add(prominence);
            }
        }
        if (similarities.Count == 0) throw new InvalidOperationException("The validation split is empty.");
        similarities.Sort();
        prominences.Sort();
        return new OutOfDomainDetection(
            CentroidSimilarityMethod, Math.Round(margin * Quantile(similarities, percentile), 6), Math.Round(Quantile(prominences, percentile), 6),
            percentile, margin, similarities.Count,
            Math.Round(similarities[0], 6), Math.Round(Quantile(similarities, 0.5), 6),
            Math.Round(prominences[0], 6), Math.Round(Quantile(prominences, 0.5), 6),
            ClassCentroids.FileName, CentroidsSha256: "");
    }

    /// <summary>The q-quantile of sorted values, interpolated linearly between neighbouring order statistics.</summary>
    internal static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
