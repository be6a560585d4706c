using System.Security.Cryptography;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using ScanPipeline.Classification.Text;
using ScanPipeline.Classification.Training;
using ScanPipeline.Core.Classification;

namespace ScanPipeline.Classification.Models;

/// <summary>
/// A trained model with its manifest. <see cref="Predict"/> is thread-safe: ML.NET's PredictionEngine is
/// not, so engines are pooled. Save with <see cref="SaveTo"/>, load with <see cref="Load"/>.
/// </summary>
public sealed class TrainedModel : IDocumentClassifier, IDisposable
{
    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;
    private readonly ObjectPool<PredictionEngine<ModelInput, ModelOutput>> _engines;
    private bool _disposed;

    internal TrainedModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, ModelManifest manifest)
    {
        _ml = ml;
        _transformer = transformer;
        _inputSchema = inputSchema;
        Manifest = manifest;
        var scoreLabels = ReadScoreLabels(transformer, inputSchema);
        if (!scoreLabels.SequenceEqual(manifest.Labels, StringComparer.Ordinal))
            throw new ModelLoadException(
                $"Model {manifest.Version}: the model's labels [{string.Join(", ", scoreLabels)}] differ from the manifest's [{string.Join(", ", manifest.Labels)}].");
        _engines = new DefaultObjectPoolProvider { MaximumRetained = Math.Max(2, Environment.ProcessorCount * 2) }
            .Create(new EnginePolicy(ml, transformer, inputSchema));
    }

    public ModelManifest Manifest { get; }

    public string Version => Manifest.Version;

    public IReadOnlyList<string> Labels => Manifest.Labels;

    /// <summary>
    /// The most likely document type with its softmax probability, all types best first, and the model
    /// version. Null when the text has no words after normalisation (blank page, noise): there is nothing
    /// to classify and the document belongs in verification.
    /// </summary>
    public Prediction? Predict(string text)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var normalized = TextNormalizer.Normalize(text);
        if (TextNormalizer.HasNoWords(normalized)) return null;

        var engine = _engines.Get();
        float[] scores;
        try
        {
            scores = engine.Predict(new ModelInput { Text = normalized }).Score;
        }
        finally
        {
            _engines.Return(engine);
        }
        if (scores.Length != Labels.Count)
            throw new InvalidOperationException($"Model {Version} returned {scores.Length} scores for {Labels.Count} labels.");

        var ranked = scores.Select((s, i) => new ClassScore(Labels[i], s))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Label, StringComparer.Ordinal).ToList();
        return new Prediction(ranked[0].Label, ranked[0].Score, ranked, Version);
    }

    /// <summary>
    /// Writes model.zip and then manifest.json into <paramref name="directory"/> (created if needed), each
    /// temp-then-rename; a folder with a manifest is complete. Existing artifacts are never overwritten.
    /// </summary>
    public void SaveTo(string directory)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Directory.CreateDirectory(directory);
        var modelPath = Path.Combine(directory, ModelManifest.ModelFileName);
        var manifestPath = Path.Combine(directory, ModelManifest.FileName);
        if (File.Exists(modelPath) || File.Exists(manifestPath))
            throw new IOException($"A model is already stored in {directory}; model folders are never overwritten.");

        var tempModel = modelPath + ".tmp";
        _ml.Model.Save(_transformer, _inputSchema, tempModel);
        var manifest = Manifest with { ModelSha256 = HashFile(tempModel) };
        File.Move(tempModel, modelPath);

        var tempManifest = manifestPath + ".tmp";
        File.WriteAllText(tempManifest, manifest.ToJson());
        File.Move(tempManifest, manifestPath);
    }

    /// <summary>
    /// Loads a model folder. Throws <see cref="ModelLoadException"/> when the manifest is missing or
    /// invalid, the format or normaliser version differs from this build, model.zip is missing, damaged
    /// or not the one the manifest names, or its labels differ from the manifest's.
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
        return new TrainedModel(ml, transformer, inputSchema, manifest);
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

    private static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
        : PooledObjectPolicy<PredictionEngine<ModelInput, ModelOutput>>
    {
        public override PredictionEngine<ModelInput, ModelOutput> Create() =>
            ml.Model.CreatePredictionEngine<ModelInput, ModelOutput>(transformer, inputSchema);

        public override bool Return(PredictionEngine<ModelInput, ModelOutput> engine) => true;
    }
}
