using Microsoft.Extensions.Options;
using ScanPipeline.Classification;
using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Models;
using ScanPipeline.Classification.Training;
using ScanPipeline.Core.Storage;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Operations;

namespace ScanPipeline.Web.ModelAdmin;

/// <summary>Where a training job is, in order; the last two end it.</summary>
public enum ModelTrainingPhase
{
    ReadingData,
    Preparing,
    ChoosingTrainer,
    Calibrating,
    FinalFit,
    Storing,
    Completed,
    Failed,
}

/// <summary>Why a training job failed (each has a German text on the page).</summary>
public enum ModelTrainingFailure
{
    DataFolderMissing,
    NoExamples,
    TooFewLabels,
    TooFewExamples,
    VersionExists,
    Cancelled,
    Unexpected,
}

/// <summary>When a job entered a phase.</summary>
public sealed record ModelTrainingPhaseMark(ModelTrainingPhase Phase, DateTimeOffset At);

/// <summary>
/// A snapshot of the current or last training job: who started it, the phase it is in (with the phases passed),
/// the fold and candidate being fitted, and at the end the new version with its validation figures, or why it
/// failed. Immutable; the job replaces it on every step.
/// </summary>
public sealed record ModelTrainingStatus(
    string StartedBy,
    DateTimeOffset StartedAt,
    ModelTrainingPhase Phase,
    IReadOnlyList<ModelTrainingPhaseMark> Phases,
    string DataDirectory)
{
    public int Fold { get; init; }
    public int Folds { get; init; }
    public int Candidate { get; init; }
    public int Candidates { get; init; }
    public string? CandidateName { get; init; }

    /// <summary>Texts read from the training-data folder, and files there that were not used.</summary>
    public int FolderExamples { get; init; }
    public int SkippedFiles { get; init; }

    /// <summary>Examples from people's corrections.</summary>
    public int CorrectionExamples { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The stored version (not activated) and its manifest, when the job completed.</summary>
    public string? Version { get; init; }
    public ModelManifest? Manifest { get; init; }

    public ModelTrainingFailure? Failure { get; init; }

    /// <summary>What the failure names: the folder, the labels with too few texts, the version, or the technical message.</summary>
    public string? FailureDetail { get; init; }

    public bool IsRunning => FinishedAt is null;

    public TimeSpan Elapsed(DateTimeOffset now) => (FinishedAt ?? now) - StartedAt;

    internal ModelTrainingStatus Enter(ModelTrainingPhase phase, DateTimeOffset at) =>
        phase == Phase ? this : this with { Phase = phase, Phases = [.. Phases, new ModelTrainingPhaseMark(phase, at)] };
}

/// <summary>
/// Trains a new model in the web process, one job at a time, as <c>scanpipe model train --include-corrections</c>
/// does: the texts of <see cref="ClassificationOptions.TrainingDataDirectory"/> (.txt only: the web role runs no
/// OCR) plus every document's latest correction, <see cref="ModelTrainer"/> with the default settings, and the
/// result stored as a new version in <see cref="ClassificationOptions.ModelsDirectory"/>. The new version is not
/// activated: that is the promotion gate's decision. The start and the outcome are audited under the admin's name.
/// The status lives in memory; a restart forgets it (the stored version stays), and stopping the web role cancels
/// a running job between two fits.
/// </summary>
public sealed class ModelTrainingJob(
    IOptions<ClassificationOptions> options, MetadataStore metadata, IBlobStore blobs, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<ModelTrainingJob> logger)
{
    private readonly Lock _lock = new();
    private ModelTrainingStatus? _status;

    /// <summary>The running or the last job; null when none ran since the web role started.</summary>
    public ModelTrainingStatus? Status
    {
        get
        {
            lock (_lock) return _status;
        }
    }

    /// <summary>Starts a job for <paramref name="actor"/>; false (and nothing started) while another one runs.</summary>
    public bool TryStart(string actor)
    {
        var now = clock.GetUtcNow();
        var dataDirectory = Path.GetFullPath(options.Value.TrainingDataDirectory);
        ModelTrainingStatus? previous;
        lock (_lock)
        {
            if (_status is { IsRunning: true }) return false;
            previous = _status;
            _status = new ModelTrainingStatus(actor, now, ModelTrainingPhase.ReadingData,
                [new ModelTrainingPhaseMark(ModelTrainingPhase.ReadingData, now)], dataDirectory);
        }
        try
        {
            metadata.Audit(actor, AuditAction.ModelTrain, null, $"started: {dataDirectory} and the corrections", now);
        }
        catch
        {
            // Not audited, not started.
            lock (_lock) _status = previous;
            throw;
        }
        // Not awaited: the job outlives the request. RunAsync catches everything and records it in the status.
        _ = Task.Run(() => RunAsync(actor, dataDirectory, lifetime.ApplicationStopping));
        return true;
    }

    private async Task RunAsync(string actor, string dataDirectory, CancellationToken ct)
    {
        try
        {
            if (!Directory.Exists(dataDirectory)) throw new JobFailure(ModelTrainingFailure.DataFolderMissing, dataDirectory);
            var folder = await LabeledFolder.LoadTextFilesAsync(dataDirectory, ct: ct).ConfigureAwait(false);
            var corrections = await CorrectionExamples.LoadAsync(metadata, blobs, ct).ConfigureAwait(false);
            Update(s => s with
            {
                FolderExamples = folder.Examples.Count, SkippedFiles = folder.Skipped.Count, CorrectionExamples = corrections.Examples.Count,
            });
            foreach (var skipped in folder.Skipped) logger.LogInformation("Training data: skipped {Source}: {Reason}", skipped.Source, skipped.Reason);
            IReadOnlyList<LabeledText> examples = [.. folder.Examples, .. corrections.Examples];
            if (examples.Count == 0) throw new JobFailure(ModelTrainingFailure.NoExamples, dataDirectory);

            // The same data and settings on the same day give the same version: say so now rather than after training.
            var settings = new TrainingSettings();
            var registry = new ModelRegistry(options.Value.ModelsDirectory);
            var expected = ModelTrainer.VersionFor(examples, settings, clock.GetUtcNow());
            if (registry.ListVersions().Any(v => v.Version == expected)) throw new ModelVersionExistsException(expected, registry.ModelsDirectory);

            // Training is CPU-bound for up to minutes: a thread of its own, not one of the request pool's.
            using var model = await Task.Factory.StartNew(() => ModelTrainer.Train(examples, settings, new StepProgress(this), ct),
                ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            Update(s => s.Enter(ModelTrainingPhase.Storing, clock.GetUtcNow()));
            var folderPath = registry.Store(model);

            // Audited first: once the status says finished, the audit log has the outcome.
            var now = clock.GetUtcNow();
            AuditOutcome(actor, FormattableString.Invariant($"stored {model.Version} (not activated): {examples.Count} examples, ") +
                FormattableString.Invariant($"{corrections.Examples.Count} from corrections, validation macro-F1 {model.Manifest.Validation.MacroF1:F4}"), now);
            Update(s => s.Enter(ModelTrainingPhase.Completed, now) with { FinishedAt = now, Version = model.Version, Manifest = model.Manifest });
            logger.LogInformation("Model {Version} trained by {Actor} and stored in {Folder}", model.Version, actor, folderPath);
        }
        catch (Exception ex)
        {
            var (failure, detail) = ex switch
            {
                JobFailure job => (job.Failure, job.Detail),
                DirectoryNotFoundException => (ModelTrainingFailure.DataFolderMissing, dataDirectory),
                TrainingDataException { LabelsWithTooFewExamples.Count: > 0 } data =>
                    (ModelTrainingFailure.TooFewExamples, string.Join(", ", data.LabelsWithTooFewExamples)),
                TrainingDataException data => (ModelTrainingFailure.TooFewLabels, data.LabelCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ModelVersionExistsException exists => (ModelTrainingFailure.VersionExists, exists.Version),
                OperationCanceledException => (ModelTrainingFailure.Cancelled, ""),
                _ => (ModelTrainingFailure.Unexpected, ex.Message),
            };
            if (failure == ModelTrainingFailure.Unexpected) logger.LogError(ex, "Model training started by {Actor} failed", actor);
            else logger.LogWarning("Model training started by {Actor} failed: {Failure} {Detail}", actor, failure, detail);
            var now = clock.GetUtcNow();
            AuditOutcome(actor, $"failed: {failure} {detail}".TrimEnd(), now);
            Update(s => s.Enter(ModelTrainingPhase.Failed, now) with { FinishedAt = now, Failure = failure, FailureDetail = detail });
        }
    }

    /// <summary>The job runs on its own thread: a failing audit write is logged, not lost in an unobserved task.</summary>
    private void AuditOutcome(string actor, string detail, DateTimeOffset at)
    {
        try
        {
            metadata.Audit(actor, AuditAction.ModelTrain, null, detail, at);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not audit the model training of {Actor}: {Detail}", actor, detail);
        }
    }

    private void OnStep(TrainingStep step)
    {
        var now = clock.GetUtcNow();
        Update(s => s.Enter(PhaseOf(step.Phase), now) with
        {
            Fold = step.Fold, Folds = step.Folds, Candidate = step.Candidate, Candidates = step.Candidates, CandidateName = step.CandidateName,
        });
    }

    private void Update(Func<ModelTrainingStatus, ModelTrainingStatus> change)
    {
        lock (_lock) _status = change(_status!);
    }

    private static ModelTrainingPhase PhaseOf(TrainingPhase phase) => phase switch
    {
        TrainingPhase.Preparing => ModelTrainingPhase.Preparing,
        TrainingPhase.ChoosingTrainer => ModelTrainingPhase.ChoosingTrainer,
        TrainingPhase.Calibrating => ModelTrainingPhase.Calibrating,
        _ => ModelTrainingPhase.FinalFit,
    };

    /// <summary>The trainer's steps into the status, synchronously and in order (Progress&lt;T&gt; would post them to the pool).</summary>
    private sealed class StepProgress(ModelTrainingJob job) : IProgress<TrainingStep>
    {
        public void Report(TrainingStep value) => job.OnStep(value);
    }

    private sealed class JobFailure(ModelTrainingFailure failure, string detail) : Exception(detail)
    {
        public ModelTrainingFailure Failure { get; } = failure;
        public string Detail { get; } = detail;
    }
}
