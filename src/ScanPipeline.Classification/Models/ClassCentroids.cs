using Microsoft.ML;
using Microsoft.ML.Data;
using ScanPipeline.Classification.Training;

namespace ScanPipeline.Classification.Models;

/// <summary>
/// One unit-length centroid per document type in the model's feature space: the mean of the type's
/// (L2-normalised) training feature vectors. <see cref="Similarity"/> gives a document's cosine similarity to
/// the closest type (text sharing little vocabulary with any type scores low) and that type's prominence: the
/// closest similarity over the mean similarity to all types (text of another kind, resembling every type about
/// equally, scores low; a uniform drop of all similarities, as OCR slips or length cause, leaves it unchanged). The weights are kept
/// feature-major (all types of one feature side by side), so scoring a sparse vector reads contiguous memory.
/// </summary>
internal sealed class ClassCentroids
{
    public const string FileName = "centroids.bin";
    private const uint Magic = 0x31434553; // "SEC1": ScanPipeline centroids, layout 1
    private const int MaxDimension = 50_000_000;
    private const int MaxClasses = 10_000;

    private readonly float[] _weights; // [feature * ClassCount + class]

    private ClassCentroids(int dimension, int classCount, float[] weights)
    {
        Dimension = dimension;
        ClassCount = classCount;
        _weights = weights;
    }

    public int Dimension { get; }

    public int ClassCount { get; }

    /// <summary>Centroids of the rows of <paramref name="featurized"/> (Features and LabelKey columns), one per label key 1..classCount.</summary>
    public static ClassCentroids Compute(IDataView featurized, int classCount)
    {
        var featureColumn = featurized.Schema[ModelColumns.Features];
        var labelColumn = featurized.Schema[ModelColumns.LabelKey];
        var dimension = featureColumn.Type is VectorDataViewType { Size: > 0 } vector ? vector.Size : 0;
        if (dimension <= 0) throw new InvalidOperationException("The feature column has no fixed size.");
        var sums = new double[(long)dimension * classCount];
        using (var cursor = featurized.GetRowCursor([featureColumn, labelColumn]))
        {
            var getFeatures = cursor.GetGetter<VBuffer<float>>(featureColumn);
            var getLabel = cursor.GetGetter<uint>(labelColumn);
            var features = default(VBuffer<float>);
            uint key = 0;
            while (cursor.MoveNext())
            {
                getLabel(ref key);
                if (key == 0 || key > classCount) continue;
                getFeatures(ref features);
                var c = (int)key - 1;
                foreach (var (index, value) in features.Items()) sums[(long)index * classCount + c] += value;
            }
        }
        var weights = new float[sums.Length];
        for (var c = 0; c < classCount; c++)
        {
            double norm = 0;
            for (long f = c; f < sums.Length; f += classCount) norm += sums[f] * sums[f];
            norm = Math.Sqrt(norm);
            if (norm == 0) continue;
            for (long f = c; f < sums.Length; f += classCount) weights[f] = (float)(sums[f] / norm);
        }
        return new ClassCentroids(dimension, classCount, weights);
    }

    /// <summary>
    /// The largest cosine similarity of <paramref name="features"/> to a centroid, and that largest similarity
    /// divided by the mean over all centroids (at least 1); both 0 for a vector with no known feature.
    /// </summary>
    public (double Max, double Prominence) Similarity(in VBuffer<float> features)
    {
        if (features.Length != Dimension)
            throw new InvalidOperationException($"Feature vector has {features.Length} slots; the centroids have {Dimension}.");
        Span<double> dots = ClassCount <= 256 ? stackalloc double[ClassCount] : new double[ClassCount];
        dots.Clear();
        var norm = FeatureMajorMatrix.Accumulate(features, _weights, dots);
        if (norm == 0) return (0, 0);
        double max = 0, sum = 0;
        foreach (var d in dots)
        {
            max = Math.Max(max, d);
            sum += d;
        }
        return sum <= 0 ? (0, 0) : (max / Math.Sqrt(norm), max * ClassCount / sum);
    }

    /// <summary>Writes the non-zero weights: magic, dimension, classes, count, then (feature, class, weight) triples.</summary>
    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Dimension);
        writer.Write(ClassCount);
        var nonZero = _weights.LongCount(w => w != 0);
        writer.Write(nonZero);
        for (long i = 0; i < _weights.Length; i++)
        {
            if (_weights[i] == 0) continue;
            writer.Write((int)(i / ClassCount));
            writer.Write((short)(i % ClassCount));
            writer.Write(_weights[i]);
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote; throws <see cref="ModelLoadException"/> when it does not fit the model.</summary>
    public static ClassCentroids Load(Stream stream, int expectedClasses)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadUInt32() != Magic) throw new ModelLoadException("The centroid file has an unknown layout.");
            var dimension = reader.ReadInt32();
            var classes = reader.ReadInt32();
            if (dimension is <= 0 or > MaxDimension || classes is <= 0 or > MaxClasses || classes != expectedClasses)
                throw new ModelLoadException($"The centroid file describes {classes} types in {dimension} dimensions; the model has {expectedClasses} types.");
            var weights = new float[(long)dimension * classes];
            var count = reader.ReadInt64();
            if (count < 0 || count > weights.LongLength) throw new ModelLoadException("The centroid file's weight count is implausible.");
            for (long n = 0; n < count; n++)
            {
                var feature = reader.ReadInt32();
                var c = reader.ReadInt16();
                var weight = reader.ReadSingle();
                if (feature < 0 || feature >= dimension || c < 0 || c >= classes || !float.IsFinite(weight))
                    throw new ModelLoadException("The centroid file holds a weight outside the model's features.");
                weights[(long)feature * classes + c] = weight;
            }
            return new ClassCentroids(dimension, classes, weights);
        }
        catch (EndOfStreamException ex)
        {
            throw new ModelLoadException("The centroid file is truncated.", ex);
        }
    }
}
