using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPipeline.Classification.Models;
using ScanPipeline.Core.Classification;

namespace ScanPipeline.Classification;

/// <summary>
/// The pipeline's classifier: serves the registry's active model from any thread and follows
/// models/active.json while it runs (hot reload). A newly promoted or rolled-back version is loaded and
/// checked completely on a background timer, and only then swapped in with one reference write: every
/// prediction is made by exactly one fully loaded model, and says which (<see cref="Prediction.ModelVersion"/>).
/// A missing, corrupt or incompatible model never throws out of here: it is logged as an error and
/// <see cref="Predict"/> returns null, so the classify stage routes every document to verification
/// until a good model is activated. Empty text (no words after normalisation) also gives null.
/// </summary>
public sealed partial class ModelClassifier : IDocumentClassifier, IDisposable
{
    private readonly ILogger<ModelClassifier> _logger;
    private readonly ModelRegistry _registry;
    private readonly object _reloadLock = new();
    private readonly ITimer? _timer;
    private volatile TrainedModel? _model;

    // The pointer state of the last load attempt: a broken version is tried once, not at every tick.
    private string? _attempted;
    private bool _disposed;

    public ModelClassifier(IOptions<ClassificationOptions> options, ILogger<ModelClassifier> logger, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _registry = new ModelRegistry(options.Value.ModelsDirectory);
        Reload();
        var interval = options.Value.ReloadInterval;
        if (interval > TimeSpan.Zero)
            _timer = (clock ?? TimeProvider.System).CreateTimer(_ => ReloadSafely(), null, interval, interval);
    }

    /// <summary>The model in use; null when no usable model was found.</summary>
    public string? ModelVersion => _model?.Version;

    public bool HasModel => _model is not null;

    public Prediction? Predict(string text)
    {
        // One read of the field: the whole prediction uses this model even if a swap happens meanwhile.
        var model = _model;
        if (model is null) return null;
        try
        {
            return model.Predict(text ?? "");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogPredictionFailed(ex, model.Version, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Reads the active-model pointer and, when it names another version than the one in use, loads that
    /// version and swaps it in. A version that does not load is refused: the classifier then has no model
    /// (documents go to verification) until the pointer changes again. Returns true when the model in use changed.
    /// Called by the reload timer; public so that an operator command or a test can force a check.
    /// </summary>
    public bool Reload()
    {
        lock (_reloadLock)
        {
            if (_disposed) return false;
            string? version;
            string state;
            try
            {
                var pointer = _registry.ReadPointer();
                version = pointer?.Version ?? _registry.GetActiveVersion();
                state = $"{version}@{pointer?.ActivatedAt:O}";
            }
            catch (ModelLoadException ex)
            {
                version = null;
                state = "invalid:" + ex.Message;
                if (state == _attempted) return false;
                _attempted = state;
                return Replace(null, () => LogNoModel(ex, _registry.ModelsDirectory, ex.Message));
            }

            var current = _model;
            if (current is not null && current.Version == version) return false;
            if (state == _attempted) return false;
            _attempted = state;

            TrainedModel loaded;
            try
            {
                // Without any version LoadActive throws, naming the folders that look like versions but are not usable.
                loaded = version is null ? _registry.LoadActive() : _registry.Load(version);
                // Exercise the model once before it serves: a model that cannot predict is refused here.
                loaded.Predict("Probe");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // ModelLoadException for the expected cases; anything else (I/O, ML.NET internals) is handled alike.
                return Replace(null, () => LogNoModel(ex, _registry.ModelsDirectory, ex.Message));
            }
            return Replace(loaded, () =>
            {
                if (current is null)
                    LogLoaded(loaded.Version, loaded.Manifest.Trainer.Name, loaded.Labels.Count, loaded.Manifest.Validation.MacroF1);
                else
                    LogSwitched(current.Version, loaded.Version, loaded.Manifest.Trainer.Name);
            });
        }
    }

    private bool Replace(TrainedModel? next, Action log)
    {
        var previous = _model;
        _model = next;
        log();
        // The previous model is not disposed: predictions that read it before the swap may still run. It
        // holds only managed memory, which the GC frees when the last of them returns.
        return !ReferenceEquals(previous, next);
    }

    private void ReloadSafely()
    {
        try
        {
            Reload();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogReloadFailed(ex, ex.Message);
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_reloadLock)
        {
            _disposed = true;
            _model?.Dispose();
            _model = null;
        }
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Classification model {Version} loaded ({Trainer}, {LabelCount} types, validation macro-F1 {MacroF1:F3})")]
    private partial void LogLoaded(string version, string trainer, int labelCount, double macroF1);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error,
        Message = "No usable classification model in {Directory}: {Reason}. Every document goes to verification until a model is activated.")]
    private partial void LogNoModel(Exception exception, string directory, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error,
        Message = "Classification with model {Version} failed: {Reason}. The document goes to verification.")]
    private partial void LogPredictionFailed(Exception exception, string version, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information,
        Message = "Classification model switched from {Previous} to {Version} ({Trainer}) without a restart")]
    private partial void LogSwitched(string previous, string version, string trainer);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error, Message = "Checking for a new classification model failed: {Reason}")]
    private partial void LogReloadFailed(Exception exception, string reason);
}
