using Microsoft.ML;
using Microsoft.ML.Data;
using ScanPipeline.Classification.Training;

namespace ScanPipeline.Classification.Models;

/// <summary>
/// The manifest's record of the out-of-domain signal. A document's <i>domain similarity</i> is the largest
/// cosine similarity between its feature vector (the model's own featurisation) and the per-type centroids
/// of the training documents, stored in <see cref="CentroidsFile"/>. A document below <see cref="Threshold"/>
/// is unlike every known type and is flagged out of domain. The threshold is <see cref="Margin"/> times the
/// <see cref="Percentile"/> of the similarities of the validation split to the centroids of the rest of the
/// training data (the validation documents play the part of new in-domain post), so fewer than that share of
/// in-domain documents is flagged.
/// </summary>
public sealed record OutOfDomainDetection(
    string Method, double Threshold, double Percentile, double Margin, int ValidationExamples,
    double ValidationMinimum, double ValidationMedian, string CentroidsFile, string CentroidsSha256)
{
    public const string MaxCentroidCosineMethod = "max-centroid-cosine";

    /// <summary>
    /// The threshold from the validation split: centroids of <paramref name="trainFeatures"/>, similarities of
    /// <paramref name="validationFeatures"/> (both featurised by the same featuriser, with LabelKey), and the
    /// <paramref name="percentile"/> of those similarities (linear interpolation between order statistics) times <paramref name="margin"/>.
    /// </summary>
    internal static OutOfDomainDetection Fit(IDataView trainFeatures, IDataView validationFeatures, int classCount, double percentile, double margin)
    {
        var centroids = ClassCentroids.Compute(trainFeatures, classCount);
        var similarities = new List<double>();
        var column = validationFeatures.Schema[ModelColumns.Features];
        using (var cursor = validationFeatures.GetRowCursor([column]))
        {
            var getFeatures = cursor.GetGetter<VBuffer<float>>(column);
            var features = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                getFeatures(ref features);
                similarities.Add(centroids.MaxCosine(features));
            }
        }
        if (similarities.Count == 0) throw new InvalidOperationException("The validation split is empty.");
        similarities.Sort();
        return new OutOfDomainDetection(
            MaxCentroidCosineMethod, Math.Round(margin * Quantile(similarities, percentile), 6), percentile, margin, similarities.Count,
            Math.Round(similarities[0], 6), Math.Round(Quantile(similarities, 0.5), 6), ClassCentroids.FileName, CentroidsSha256: "");
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
