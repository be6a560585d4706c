using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPipeline.Classification.Models;
using ScanPipeline.Core.Classification;

namespace ScanPipeline.Classification;

/// <summary>
/// The pipeline's classifier: loads the registry's active model once, at construction, and serves it
/// from any thread. A missing, corrupt or incompatible model never throws out of here: it is logged as
/// an error and <see cref="Predict"/> returns null, so the classify stage routes every document to
/// verification. Empty text (no words after normalisation) also gives null: nothing to classify.
/// A newly activated model is picked up when the process restarts.
/// </summary>
public sealed partial class ModelClassifier : IDocumentClassifier, IDisposable
{
    private readonly ILogger<ModelClassifier> _logger;
    private readonly TrainedModel? _model;

    public ModelClassifier(IOptions<ClassificationOptions> options, ILogger<ModelClassifier> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        var directory = options.Value.ModelsDirectory;
        try
        {
            _model = new ModelRegistry(directory).LoadActive();
            LogLoaded(_model.Version, _model.Manifest.Trainer.Name, _model.Labels.Count, _model.Manifest.Validation.MacroF1);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // ModelLoadException for the expected cases; anything else (I/O, ML.NET internals) is handled alike.
            LogNoModel(ex, directory, ex.Message);
        }
    }

    /// <summary>The loaded model's version; null when no usable model was found.</summary>
    public string? ModelVersion => _model?.Version;

    public bool HasModel => _model is not null;

    public Prediction? Predict(string text)
    {
        if (_model is null) return null;
        try
        {
            return _model.Predict(text ?? "");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogPredictionFailed(ex, _model.Version, ex.Message);
            return null;
        }
    }

    public void Dispose() => _model?.Dispose();

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Classification model {Version} loaded ({Trainer}, {LabelCount} types, validation macro-F1 {MacroF1:F3})")]
    private partial void LogLoaded(string version, string trainer, int labelCount, double macroF1);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error,
        Message = "No usable classification model in {Directory}: {Reason}. Every document goes to verification until a model is activated.")]
    private partial void LogNoModel(Exception exception, string directory, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error,
        Message = "Classification with model {Version} failed: {Reason}. The document goes to verification.")]
    private partial void LogPredictionFailed(Exception exception, string version, string reason);
}
