using Microsoft.ML.Data;

namespace ScanPipeline.Classification.Models;

/// <summary>
/// A per-class weight matrix stored feature-major (weight of feature f for class c at f × classes + c), so that a
/// sparse feature vector touches one contiguous row per non-zero feature. Shared by the linear scorer and the
/// class centroids.
/// </summary>
internal static class FeatureMajorMatrix
{
    /// <summary>
    /// Adds features × weights to <paramref name="sums"/> (one entry per class) and returns the squared norm of the
    /// feature vector.
    /// </summary>
    public static double Accumulate(in VBuffer<float> features, float[] weights, Span<double> sums)
    {
        var classes = sums.Length;
        double norm = 0;
        var values = features.GetValues();
        var indices = features.GetIndices();
        var dense = features.IsDense;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value == 0) continue;
            norm += (double)value * value;
            var offset = (long)(dense ? i : indices[i]) * classes;
            for (var c = 0; c < classes; c++) sums[c] += value * weights[offset + c];
        }
        return norm;
    }
}
