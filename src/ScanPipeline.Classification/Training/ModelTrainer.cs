using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Evaluation;
using ScanPipeline.Classification.Models;
using ScanPipeline.Classification.Text;

namespace ScanPipeline.Classification.Training;

/// <summary>
/// Trains a document-type model: normalises the texts, scores every candidate trainer on held-back parts of
/// the training data (stratified k-fold cross-validation for small data, one stratified validation split for
/// large data), picks the best macro-F1, and refits the winner on all training data. The held-out test folder is never seen here; measure it with
/// <see cref="ModelEvaluator"/>.
/// </summary>
public static class ModelTrainer
{
    private sealed record Example(string Label, string Text);

    /// <param name="progress">Receives the English log lines of <see cref="TrainingStep.Message"/>.</param>
    public static TrainedModel Train(IReadOnlyList<LabeledText> examples, TrainingSettings settings, IProgress<string>? progress = null) =>
        Train(examples, settings, progress is null ? null : new MessageProgress(progress), TimeProvider.System, CancellationToken.None);

    /// <param name="progress">Receives every step: phase, fold and candidate (for a progress display) and the log line.</param>
    /// <param name="cancellation">Checked between fits; training stops with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="TrainingDataException">Fewer than two labels, or a label with fewer than two texts with words.</exception>
    public static TrainedModel Train(
        IReadOnlyList<LabeledText> examples, TrainingSettings settings, IProgress<TrainingStep>? progress, CancellationToken cancellation) =>
        Train(examples, settings, progress, TimeProvider.System, cancellation);

    internal static TrainedModel Train(
        IReadOnlyList<LabeledText> examples, TrainingSettings settings, IProgress<TrainingStep>? progress, TimeProvider clock,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();

        progress?.Report(new TrainingStep(TrainingPhase.Preparing, $"normalising {examples.Count} texts"));
        var usable = new List<Example>(examples.Count);
        foreach (var e in examples)
        {
            if (string.IsNullOrWhiteSpace(e.Label)) throw new ArgumentException($"Example '{e.Source}' has no label.", nameof(examples));
            var text = TextNormalizer.Normalize(e.Text);
            if (TextNormalizer.HasNoWords(text)) progress?.Report(new TrainingStep(TrainingPhase.Preparing, $"skipped {e.Source}: no words after normalisation"));
            else usable.Add(new Example(e.Label, text));
        }
        // A fixed order makes the model independent of the order the caller read the files in.
        usable = usable.OrderBy(e => e.Label, StringComparer.Ordinal).ThenBy(e => e.Text, StringComparer.Ordinal).ToList();

        var counts = usable.GroupBy(e => e.Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        if (counts.Count < 2) throw new TrainingDataException($"Training needs at least two labels; got {counts.Count}.", counts.Count, []);
        var tooSmall = counts.Where(c => c.Value < 2).Select(c => c.Key).ToList();
        if (tooSmall.Count > 0)
            throw new TrainingDataException(
                $"Every label needs at least two examples with text (one for validation); too few: {string.Join(", ", tooSmall)}.", counts.Count, tooSmall);

        var ml = new MLContext(seed: settings.Seed);
        var folds = MakeFolds(usable, settings);
        var crossValidated = folds.Count > 1;
        var candidateCount = settings.Candidates.Count;
        progress?.Report(new TrainingStep(TrainingPhase.ChoosingTrainer, crossValidated
            ? $"{usable.Count} examples, {counts.Count} labels; choosing a trainer by {folds.Count}-fold cross-validation"
            : $"{usable.Count} examples, {counts.Count} labels; choosing a trainer on {folds[0].Train.Count} / {folds[0].Validation.Count} (train / validation)",
            1, folds.Count, 0, candidateCount));

        // Every candidate is scored on the same folds; its out-of-fold predictions are pooled into one report.
        var scored = settings.Candidates.Select(_ => new List<ScoredExample>(usable.Count)).ToArray();
        var seconds = new double[settings.Candidates.Count];
        var stopwatch = Stopwatch.StartNew();
        // The first fold (an 80 / 20 split) is kept for the post-hoc steps below: calibration and the
        // out-of-domain thresholds are fitted on texts the candidate did not learn from.
        IDataView? postHocTrain = null, postHocValidation = null;
        var postHocModels = new ITransformer[settings.Candidates.Count];
        for (var f = 0; f < folds.Count; f++)
        {
            var (train, validation) = folds[f];
            cancellation.ThrowIfCancellationRequested();
            if (f > 0) progress?.Report(new TrainingStep(TrainingPhase.ChoosingTrainer, $"fold {f + 1} of {folds.Count}", f + 1, folds.Count, 0, candidateCount));
            stopwatch.Restart();
            // The featurisation (vocabulary, IDF, count filter) is fitted on the fold's training part only.
            var featureModel = LabelMapping(ml).Append(TextFeaturizer.Build(ml, settings.Featurization))
                .Fit(ToDataView(ml, train, settings.BalanceClasses));
            var trainFeatures = ml.Data.Cache(featureModel.Transform(ToDataView(ml, train, settings.BalanceClasses)));
            var validationFeatures = ml.Data.Cache(featureModel.Transform(ToDataView(ml, validation, balance: false)));
            if (f == 0)
            {
                progress?.Report(new TrainingStep(TrainingPhase.ChoosingTrainer, $"featurised in {stopwatch.Elapsed.TotalSeconds:F1} s",
                    1, folds.Count, 0, candidateCount));
                (postHocTrain, postHocValidation) = (trainFeatures, validationFeatures);
            }

            for (var c = 0; c < settings.Candidates.Count; c++)
            {
                cancellation.ThrowIfCancellationRequested();
                var name = settings.Candidates[c].Name;
                progress?.Report(new TrainingStep(TrainingPhase.ChoosingTrainer, $"fold {f + 1} of {folds.Count}: fitting {name}",
                    f + 1, folds.Count, c + 1, candidateCount, name));
                stopwatch.Restart();
                var model = settings.Candidates[c].Create(ml).Fit(trainFeatures);
                seconds[c] += stopwatch.Elapsed.TotalSeconds;
                if (f == 0) postHocModels[c] = model;
                scored[c].AddRange(ScoreValidation(model.Transform(validationFeatures), validation));
            }
        }

        var candidates = new List<(TrainerCandidate Candidate, CandidateScore Score, EvaluationReport Report)>();
        for (var c = 0; c < settings.Candidates.Count; c++)
        {
            var candidate = settings.Candidates[c];
            var report = ModelEvaluator.Score(scored[c], counts.Keys.ToList());
            var score = new CandidateScore(candidate.Name, candidate.Trainer, candidate.Parameters, report.MacroF1, report.Accuracy,
                report.Calibration.ExpectedCalibrationError, Math.Round(seconds[c], 2));
            candidates.Add((candidate, score, report));
            progress?.Report(new TrainingStep(TrainingPhase.ChoosingTrainer,
                $"{candidate.Name}: macro-F1 {report.MacroF1:F4}, accuracy {report.Accuracy:F4} ({seconds[c]:F1} s)",
                folds.Count, folds.Count, c + 1, candidateCount, candidate.Name));
        }

        // Best macro-F1; ties go to the better accuracy, then to the better calibrated (lower ECE, as the
        // confidence decides routing), then to the earlier candidate in the settings.
        var (winner, winnerIndex) = candidates
            .Select((c, i) => (c, i))
            .OrderByDescending(x => x.c.Score.MacroF1).ThenByDescending(x => x.c.Score.Accuracy)
            .ThenBy(x => x.c.Score.ExpectedCalibrationError).ThenBy(x => x.i)
            .First();
        cancellation.ThrowIfCancellationRequested();
        progress?.Report(new TrainingStep(TrainingPhase.Calibrating, $"chosen: {winner.Candidate.Name}; calibrating",
            CandidateName: winner.Candidate.Name));

        // Post-hoc steps on the first fold's validation part, which the chosen trainer did not learn from there.
        var calibration = ConfidenceCalibration.Fit(TemperatureScaling.ReadScores(postHocModels[winnerIndex].Transform(postHocValidation!)));
        progress?.Report(new TrainingStep(TrainingPhase.Calibrating,
            $"calibration: temperature {calibration.Temperature:F3}, validation NLL {calibration.ValidationNllBefore:F4} -> {calibration.ValidationNllAfter:F4}",
            CandidateName: winner.Candidate.Name));
        var outOfDomain = OutOfDomainDetection.Fit(postHocTrain!, postHocValidation!, counts.Count, settings.OutOfDomainPercentile, settings.OutOfDomainMargin);
        progress?.Report(new TrainingStep(TrainingPhase.Calibrating,
            $"out-of-domain thresholds: domain similarity {outOfDomain.Threshold:F4} ({outOfDomain.Margin} × the {outOfDomain.Percentile:P0} percentile of validation), prominence {outOfDomain.ProminenceThreshold:F3}",
            CandidateName: winner.Candidate.Name));

        cancellation.ThrowIfCancellationRequested();
        progress?.Report(new TrainingStep(TrainingPhase.FinalFit, $"refitting {winner.Candidate.Name} on all {usable.Count} examples",
            CandidateName: winner.Candidate.Name));

        var pipeline = LabelMapping(ml)
            .Append(TextFeaturizer.Build(ml, settings.Featurization))
            .AppendCacheCheckpoint(ml)
            .Append(winner.Candidate.Create(ml));
        var allData = ToDataView(ml, usable, settings.BalanceClasses);
        var final = pipeline.Fit(allData);
        var centroids = ClassCentroids.Compute(final.Transform(allData), counts.Count);

        var dataHash = ModelManifest.ComputeTrainingDataHash(examples);
        var createdAt = clock.GetUtcNow();
        var manifest = new ModelManifest
        {
            FormatVersion = ModelManifest.CurrentFormatVersion,
            Version = MakeVersion(createdAt, dataHash, settings),
            CreatedAt = createdAt,
            MlNetVersion = MlNetVersion,
            NormalizerVersion = TextNormalizer.Version,
            Featurization = settings.Featurization,
            Trainer = new TrainerSummary(winner.Candidate.Name, winner.Candidate.Trainer, winner.Candidate.Parameters),
            Seed = settings.Seed,
            ValidationFraction = settings.ValidationFraction,
            CrossValidationFolds = crossValidated ? folds.Count : null,
            BalanceClasses = settings.BalanceClasses,
            Candidates = candidates.Select(c => c.Score).ToList(),
            TrainingDataHash = dataHash,
            Labels = counts.Keys.ToList(),
            ExampleCounts = counts,
            Validation = winner.Report,
            ModelSha256 = "",
            Calibration = calibration,
            OutOfDomain = outOfDomain,
        };
        return new TrainedModel(ml, final, allData.Schema, manifest, centroids);
    }

    /// <summary>Passes the log line of every step on to a plain text progress.</summary>
    private sealed class MessageProgress(IProgress<string> lines) : IProgress<TrainingStep>
    {
        public void Report(TrainingStep value) => lines.Report(value.Message);
    }

    public static string MlNetVersion { get; } =
        typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(MLContext).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>
    /// "2026-11-25-3f9a0c": the training date and a short hash of the data, settings and ML.NET version.
    /// Retraining the same data with the same settings on the same day gives the same version (and,
    /// being deterministic, the same model), which the registry refuses to store twice.
    /// </summary>
    /// <summary>
    /// The version training <paramref name="examples"/> with <paramref name="settings"/> on the day of
    /// <paramref name="trainedAt"/> gives, without training: a caller can tell before spending minutes that the
    /// result would be a version already stored.
    /// </summary>
    public static string VersionFor(IReadOnlyList<LabeledText> examples, TrainingSettings settings, DateTimeOffset trainedAt)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(settings);
        return MakeVersion(trainedAt, ModelManifest.ComputeTrainingDataHash(examples), settings);
    }

    private static string MakeVersion(DateTimeOffset createdAt, string dataHash, TrainingSettings settings)
    {
        var recipe = JsonSerializer.Serialize(new
        {
            dataHash,
            settings.Seed,
            settings.ValidationFraction,
            settings.CrossValidationFolds,
            settings.CrossValidationMaxExamples,
            settings.BalanceClasses,
            settings.Featurization,
            candidates = settings.Candidates.Select(c => c.Name),
            settings.OutOfDomainPercentile,
            settings.OutOfDomainMargin,
            OutOfDomainDetection.CentroidSimilarityMethod,
            ModelManifest.CurrentFormatVersion,
            MlNetVersion,
            TextNormalizer.Version,
        });
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipe)));
        return $"{createdAt.UtcDateTime:yyyy-MM-dd}-{hash[..6]}";
    }

    /// <summary>
    /// The (train, validation) pairs the candidates are scored on: stratified k-fold cross-validation when
    /// the data is small (a single 20 % split of a few hundred texts is too noisy to choose by), otherwise
    /// one stratified validation split.
    /// </summary>
    private static IReadOnlyList<(List<Example> Train, List<Example> Validation)> MakeFolds(IReadOnlyList<Example> usable, TrainingSettings settings)
    {
        if (settings.CrossValidationFolds >= 2 && usable.Count <= settings.CrossValidationMaxExamples)
            return StratifiedSplit.Folds(usable, e => e.Label, settings.CrossValidationFolds, settings.Seed);
        return [StratifiedSplit.Split(usable, e => e.Label, settings.ValidationFraction, settings.Seed)];
    }

    private static ValueToKeyMappingEstimator LabelMapping(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey(ModelColumns.LabelKey, ModelColumns.Label,
            keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue);

    /// <summary>Rows for ML.NET, weighted by <see cref="ClassWeights"/> when balancing.</summary>
    private static IDataView ToDataView(MLContext ml, IReadOnlyList<Example> examples, bool balance)
    {
        var weights = balance ? ClassWeights(examples.Select(e => e.Label)) : null;
        var rows = examples.Select(e => new ModelInput { Text = e.Text, Label = e.Label, Weight = weights?[e.Label] ?? 1f }).ToList();
        return ml.Data.LoadFromEnumerable(rows);
    }

    /// <summary>
    /// Example weight per label, inverse to the label's frequency: N / (labels × examples of the label).
    /// Every label then carries the same total weight, N / labels, and the weights average to 1.
    /// </summary>
    internal static IReadOnlyDictionary<string, float> ClassWeights(IEnumerable<string> labels)
    {
        var counts = labels.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var total = counts.Values.Sum();
        return counts.ToDictionary(c => c.Key, c => (float)total / (counts.Count * c.Value), StringComparer.Ordinal);
    }

    private static List<ScoredExample> ScoreValidation(IDataView scored, IReadOnlyList<Example> validation)
    {
        var slotLabels = default(VBuffer<ReadOnlyMemory<char>>);
        scored.Schema[ModelColumns.Score].GetSlotNames(ref slotLabels);
        var names = slotLabels.DenseValues().Select(n => n.ToString()).ToArray();

        var results = new List<ScoredExample>(validation.Count);
        using var cursor = scored.GetRowCursor([scored.Schema[ModelColumns.Score]]);
        var getScore = cursor.GetGetter<VBuffer<float>>(scored.Schema[ModelColumns.Score]);
        var buffer = default(VBuffer<float>);
        var row = 0;
        while (cursor.MoveNext())
        {
            getScore(ref buffer);
            var values = buffer.DenseValues().ToArray();
            var best = Array.IndexOf(values, values.Max());
            results.Add(new ScoredExample(validation[row].Label, names[best], values[best]));
            row++;
        }
        if (row != validation.Count) throw new InvalidOperationException($"Scored {row} validation rows, expected {validation.Count}.");
        return results;
    }
}
