using System.Security.Cryptography;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using ScanPipeline.Classification.Text;
using ScanPipeline.Classification.Training;
using ScanPipeline.Core.Classification;

namespace ScanPipeline.Classification.Models;

/// <summary>
/// A trained model with its manifest and its type centroids. <see cref="Predict"/> is thread-safe: ML.NET's
/// PredictionEngine is not, so engines are pooled. Save with <see cref="SaveTo"/>, load with <see cref="Load"/>.
/// </summary>
public sealed class TrainedModel : IDocumentClassifier, IDisposable
{
    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;
    private readonly ObjectPool<PredictionEngine<ModelInput, FeaturesOutput>> _engines;
    private readonly LinearScorer _scorer;
    private readonly ClassCentroids _centroids;
    private readonly ConfidenceCalibration _calibration;
    private readonly OutOfDomainDetection _outOfDomain;
    private bool _disposed;

    internal TrainedModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, ModelManifest manifest, ClassCentroids centroids)
    {
        _ml = ml;
        _transformer = transformer;
        _inputSchema = inputSchema;
        Manifest = manifest;
        var scoreLabels = ReadScoreLabels(transformer, inputSchema);
        if (!scoreLabels.SequenceEqual(manifest.Labels, StringComparer.Ordinal))
            throw new ModelLoadException(
                $"Model {manifest.Version}: the model's labels [{string.Join(", ", scoreLabels)}] differ from the manifest's [{string.Join(", ", manifest.Labels)}].");
        _calibration = manifest.Calibration ?? throw new ModelLoadException($"Model {manifest.Version}: the manifest has no confidence calibration.");
        _outOfDomain = manifest.OutOfDomain ?? throw new ModelLoadException($"Model {manifest.Version}: the manifest has no out-of-domain section.");
        if (_calibration.Temperature is not (>= TemperatureScaling.MinTemperature and <= TemperatureScaling.MaxTemperature))
            throw new ModelLoadException($"Model {manifest.Version}: temperature {_calibration.Temperature} is outside {TemperatureScaling.MinTemperature}..{TemperatureScaling.MaxTemperature}.");
        if (_outOfDomain.Threshold is not (>= 0 and <= 1) || _outOfDomain.ProminenceThreshold is not (>= 0 and <= 10_000))
            throw new ModelLoadException(
                $"Model {manifest.Version}: out-of-domain thresholds {_outOfDomain.Threshold} (similarity, 0..1) and {_outOfDomain.ProminenceThreshold} (prominence) are out of range.");
        var featureSize = FeatureSize(transformer, inputSchema);
        if (centroids.ClassCount != manifest.Labels.Count || centroids.Dimension != featureSize)
            throw new ModelLoadException(
                $"Model {manifest.Version}: the centroids ({centroids.ClassCount} types, {centroids.Dimension} features) do not fit the model ({manifest.Labels.Count} types, {featureSize} features).");
        _centroids = centroids;
        (var featurizer, _scorer) = LinearScorer.Split(transformer);
        if (_scorer.ClassCount != manifest.Labels.Count)
            throw new ModelLoadException($"Model {manifest.Version}: the classifier has {_scorer.ClassCount} classes for {manifest.Labels.Count} labels.");
        _engines = new DefaultObjectPoolProvider { MaximumRetained = Math.Max(2, Environment.ProcessorCount * 2) }
            .Create(new EnginePolicy(ml, featurizer, inputSchema));
    }

    public ModelManifest Manifest { get; }

    public string Version => Manifest.Version;

    public IReadOnlyList<string> Labels => Manifest.Labels;

    /// <summary>The temperature applied to the trainer's probabilities (1 = none).</summary>
    public double Temperature => _calibration.Temperature;

    /// <summary>Documents whose domain similarity is below this are flagged out of domain.</summary>
    public double OutOfDomainThreshold => _outOfDomain.Threshold;

    /// <summary>Documents whose prominence of the closest type is below this are flagged out of domain.</summary>
    public double ProminenceThreshold => _outOfDomain.ProminenceThreshold;

    /// <summary>
    /// The most likely document type with its calibrated probability, all types best first, the model
    /// version, and whether the document is out of domain (its domain similarity below the model's
    /// threshold). Null when the text has no words after normalisation (blank page, noise): there is nothing
    /// to classify and the document belongs in verification.
    /// </summary>
    public Prediction? Predict(string text) => Score(text) is { } scored ? ToPrediction(scored) : null;

    internal Prediction ToPrediction((float[] Raw, double[] Calibrated, double DomainSimilarity, double Prominence) scored)
    {
        var ranked = scored.Calibrated.Select((s, i) => new ClassScore(Labels[i], s))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Label, StringComparer.Ordinal).ToList();
        return new Prediction(ranked[0].Label, ranked[0].Score, ranked, Version,
            OutOfDomain: _outOfDomain.IsOutOfDomain(scored.DomainSimilarity, scored.Prominence), DomainSimilarity: scored.DomainSimilarity);
    }

    /// <summary>
    /// The trainer's own probabilities, the calibrated ones (label order), the domain similarity and the
    /// prominence of the closest type (see <see cref="OutOfDomainDetection"/>); null for text without words.
    /// </summary>
    internal (float[] Raw, double[] Calibrated, double DomainSimilarity, double Prominence)? Score(string text)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var normalized = TextNormalizer.Normalize(text);
        if (TextNormalizer.HasNoWords(normalized)) return null;

        var engine = _engines.Get();
        float[] scores;
        double similarity, prominence;
        try
        {
            var features = engine.Predict(new ModelInput { Text = normalized }).Features;
            scores = _scorer.Score(features);
            (similarity, prominence) = _centroids.Similarity(features);
        }
        finally
        {
            _engines.Return(engine);
        }
        if (scores.Length != Labels.Count)
            throw new InvalidOperationException($"Model {Version} returned {scores.Length} scores for {Labels.Count} labels.");
        return (scores, TemperatureScaling.Apply(scores, _calibration.Temperature), similarity, prominence);
    }

    /// <summary>
    /// Writes model.zip, centroids.bin and then manifest.json into <paramref name="directory"/> (created if
    /// needed), each temp-then-rename; a folder with a manifest is complete. Existing artifacts are never overwritten.
    /// </summary>
    public void SaveTo(string directory)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Directory.CreateDirectory(directory);
        var modelPath = Path.Combine(directory, ModelManifest.ModelFileName);
        var centroidsPath = Path.Combine(directory, ClassCentroids.FileName);
        var manifestPath = Path.Combine(directory, ModelManifest.FileName);
        if (File.Exists(modelPath) || File.Exists(centroidsPath) || File.Exists(manifestPath))
            throw new IOException($"A model is already stored in {directory}; model folders are never overwritten.");

        var tempModel = modelPath + ".tmp";
        _ml.Model.Save(_transformer, _inputSchema, tempModel);
        var modelSha256 = HashFile(tempModel);
        File.Move(tempModel, modelPath);

        var tempCentroids = centroidsPath + ".tmp";
        using (var stream = File.Create(tempCentroids)) _centroids.Save(stream);
        var manifest = Manifest with { ModelSha256 = modelSha256, OutOfDomain = _outOfDomain with { CentroidsSha256 = HashFile(tempCentroids) } };
        File.Move(tempCentroids, centroidsPath);

        var tempManifest = manifestPath + ".tmp";
        File.WriteAllText(tempManifest, manifest.ToJson());
        File.Move(tempManifest, manifestPath);
    }

    /// <summary>
    /// Loads a model folder. Throws <see cref="ModelLoadException"/> when the manifest is missing or
    /// invalid, the format or normaliser version differs from this build, model.zip or centroids.bin is
    /// missing, damaged or not the one the manifest names, or its labels differ from the manifest's.
    /// </summary>
    public static TrainedModel Load(string directory)
    {
        var manifest = ModelManifest.Read(Path.Combine(directory, ModelManifest.FileName));
        if (manifest.FormatVersion != ModelManifest.CurrentFormatVersion)
            throw new ModelLoadException(
                $"Model {manifest.Version} has format version {manifest.FormatVersion}; this build reads {ModelManifest.CurrentFormatVersion}.");
        if (manifest.NormalizerVersion != TextNormalizer.Version)
            throw new ModelLoadException(
                $"Model {manifest.Version} was trained with text normaliser {manifest.NormalizerVersion}; this build uses {TextNormalizer.Version}.");
        if (manifest.Labels.Count < 2 || manifest.Labels.Distinct(StringComparer.Ordinal).Count() != manifest.Labels.Count)
            throw new ModelLoadException($"Model {manifest.Version}: the manifest needs at least two distinct labels.");

        var modelPath = Path.Combine(directory, ModelManifest.ModelFileName);
        if (!File.Exists(modelPath)) throw new ModelLoadException($"Model {manifest.Version}: {modelPath} is missing.");
        if (!string.Equals(HashFile(modelPath), manifest.ModelSha256, StringComparison.OrdinalIgnoreCase))
            throw new ModelLoadException($"Model {manifest.Version}: {modelPath} does not match the hash in its manifest (damaged or replaced).");

        var outOfDomain = manifest.OutOfDomain ?? throw new ModelLoadException($"Model {manifest.Version}: the manifest has no out-of-domain section.");
        if (outOfDomain.Method != OutOfDomainDetection.CentroidSimilarityMethod)
            throw new ModelLoadException($"Model {manifest.Version}: out-of-domain method '{outOfDomain.Method}' is not the one this build uses ({OutOfDomainDetection.CentroidSimilarityMethod}).");
        if (outOfDomain.CentroidsFile != ClassCentroids.FileName)
            throw new ModelLoadException($"Model {manifest.Version}: the manifest names centroid file '{outOfDomain.CentroidsFile}', this build reads {ClassCentroids.FileName}.");
        var centroidsPath = Path.Combine(directory, ClassCentroids.FileName);
        if (!File.Exists(centroidsPath)) throw new ModelLoadException($"Model {manifest.Version}: {centroidsPath} is missing.");
        if (!string.Equals(HashFile(centroidsPath), outOfDomain.CentroidsSha256, StringComparison.OrdinalIgnoreCase))
            throw new ModelLoadException($"Model {manifest.Version}: {centroidsPath} does not match the hash in its manifest (damaged or replaced).");
        ClassCentroids centroids;
        using (var stream = File.OpenRead(centroidsPath)) centroids = ClassCentroids.Load(stream, manifest.Labels.Count);

        var ml = new MLContext(seed: manifest.Seed);
        ITransformer transformer;
        DataViewSchema inputSchema;
        try
        {
            transformer = ml.Model.Load(modelPath, out inputSchema);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ModelLoadException($"Model {manifest.Version}: {modelPath} cannot be read: {ex.Message}", ex);
        }
        return new TrainedModel(ml, transformer, inputSchema, manifest, centroids);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        (_engines as IDisposable)?.Dispose();
    }

    /// <summary>The label of each score slot, from the key values of the label column the trainer learnt.</summary>
    private static string[] ReadScoreLabels(ITransformer transformer, DataViewSchema inputSchema)
    {
        DataViewSchema output;
        try
        {
            output = transformer.GetOutputSchema(inputSchema);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ModelLoadException($"The model does not accept this build's input columns: {ex.Message}", ex);
        }
        var score = output.GetColumnOrNull(ModelColumns.Score)
                    ?? throw new ModelLoadException("The model has no Score column.");
        if (!score.HasSlotNames())
            throw new ModelLoadException("The model's Score column does not name its labels.");
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        score.GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    /// <summary>The number of slots of the model's Features column.</summary>
    private static int FeatureSize(ITransformer transformer, DataViewSchema inputSchema)
    {
        var features = transformer.GetOutputSchema(inputSchema).GetColumnOrNull(ModelColumns.Features)
                       ?? throw new ModelLoadException("The model has no Features column.");
        return features.Type is VectorDataViewType vector ? vector.Size : 0;
    }

    private static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer featurizer, DataViewSchema inputSchema)
        : PooledObjectPolicy<PredictionEngine<ModelInput, FeaturesOutput>>
    {
        public override PredictionEngine<ModelInput, FeaturesOutput> Create() =>
            ml.Model.CreatePredictionEngine<ModelInput, FeaturesOutput>(featurizer, inputSchema);

        public override bool Return(PredictionEngine<ModelInput, FeaturesOutput> engine) => true;
    }
}
