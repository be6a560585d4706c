using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Models;
using ScanPipeline.Classification.Training;
using ScanPipeline.Tests.Infrastructure;
using Xunit;

namespace ScanPipeline.Tests.Classification;

/// <summary>The trainer's structured progress (for the admin page's progress display), its cancellation, and the registry's one-pass state.</summary>
[Collection(SmallModelCollection.Name)]
public sealed class TrainingStepsAndRegistryStateTests(SmallModelFixture fixture) : IDisposable
{
    private readonly TempDirectory _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Training_reports_its_phases_in_order_with_every_fold_and_candidate()
    {
        var steps = new List<TrainingStep>();
        using var model = ModelTrainer.Train(fixture.Train, SmallModelFixture.Settings, new SyncProgress<TrainingStep>(steps.Add), CancellationToken.None);

        var phases = steps.Select(s => s.Phase).Distinct().ToList();
        Assert.Equal([TrainingPhase.Preparing, TrainingPhase.ChoosingTrainer, TrainingPhase.Calibrating, TrainingPhase.FinalFit], phases);
        Assert.Equal(steps.Select(s => s.Phase).Order(), steps.Select(s => s.Phase)); // never back to an earlier phase

        // 5 folds × 2 candidates: each fit is announced with its fold and candidate number.
        var fits = steps.Where(s => s is { Phase: TrainingPhase.ChoosingTrainer, Candidate: > 0 } && s.Message.Contains("fitting", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, fits.Count);
        Assert.All(fits, s => Assert.Equal((5, 2), (s.Folds, s.Candidates)));
        Assert.Equal(Enumerable.Range(1, 5).SelectMany(f => new[] { (f, 1), (f, 2) }), fits.Select(s => (s.Fold, s.Candidate)));
        Assert.Equal(SmallModelFixture.Settings.Candidates.Select(c => c.Name), fits.Take(2).Select(s => s.CandidateName));
        Assert.Equal(model.Manifest.Trainer.Name, steps.Last().CandidateName);
    }

    [Fact]
    public void The_version_is_known_before_training()
    {
        var model = fixture.Model;
        Assert.Equal(model.Version, ModelTrainer.VersionFor(fixture.Train, SmallModelFixture.Settings, model.Manifest.CreatedAt));
        Assert.NotEqual(model.Version, ModelTrainer.VersionFor(fixture.Train.Skip(1).ToList(), SmallModelFixture.Settings, model.Manifest.CreatedAt));
        Assert.NotEqual(model.Version, ModelTrainer.VersionFor(fixture.Train, SmallModelFixture.Settings, model.Manifest.CreatedAt.AddDays(1)));
    }

    [Fact]
    public void A_cancelled_training_stops_between_fits()
    {
        using var cancellation = new CancellationTokenSource();
        var steps = new List<TrainingStep>();
        var progress = new SyncProgress<TrainingStep>(step =>
        {
            steps.Add(step);
            if (step.Candidate == 1) cancellation.Cancel();
        });
        Assert.Throws<OperationCanceledException>(() => ModelTrainer.Train(fixture.Train, SmallModelFixture.Settings, progress, cancellation.Token));
        Assert.DoesNotContain(steps, s => s.Phase == TrainingPhase.FinalFit);
    }

    [Fact]
    public void The_text_progress_still_gets_every_log_line()
    {
        var lines = new List<string>();
        var steps = new List<TrainingStep>();
        var data = fixture.Train.GroupBy(e => e.Label).SelectMany(g => g.Take(4)).ToList();
        var settings = SmallModelFixture.Settings with { Candidates = [new LbfgsMaximumEntropyCandidate(L2Regularization: 0.01)] };
        using (ModelTrainer.Train(data, settings, new SyncProgress<string>(lines.Add))) { }
        using (ModelTrainer.Train(data, settings, new SyncProgress<TrainingStep>(steps.Add), CancellationToken.None)) { }
        // The same lines, apart from the measured seconds.
        static string WithoutTimes(string line) => System.Text.RegularExpressions.Regex.Replace(line, @"[0-9]+[.,][0-9] s\b", "# s");
        Assert.Equal(steps.Select(s => WithoutTimes(s.Message)), lines.Select(WithoutTimes));
        Assert.Contains(lines, l => l.StartsWith("featurised in ", StringComparison.Ordinal));
    }

    [Fact]
    public void Registry_state_names_versions_active_history_and_problems_in_one_pass()
    {
        var registry = new ModelRegistry(_models.Path);
        fixture.CopySavedModel(_models.Path);
        fixture.CopyWeakModel(_models.Path);
        Directory.CreateDirectory(_models.Combine("broken"));
        File.WriteAllText(_models.Combine("broken", ModelManifest.FileName), "{");

        var implicitState = registry.ReadState();
        Assert.Equal(2, implicitState.Versions.Count);
        Assert.Equal(implicitState.Versions[0].Version, implicitState.Active); // no pointer: the newest is active
        Assert.Null(implicitState.Pointer);
        Assert.Empty(implicitState.History);
        Assert.Equal("broken", Assert.Single(implicitState.Problems).Folder);

        registry.Activate(fixture.WeakModel.Version, "test");
        registry.Activate(fixture.Model.Version, "test");
        var state = registry.ReadState();
        Assert.Equal(fixture.Model.Version, state.Active);
        Assert.Equal(fixture.WeakModel.Version, state.History[0].Version);
        Assert.Same(state.Versions.Single(v => v.Version == fixture.WeakModel.Version), state.Find(fixture.WeakModel.Version));
        Assert.Null(state.Find("2000-01-01-000000"));

        File.WriteAllText(_models.Combine(ModelRegistry.ActivePointerFileName), "{\"version\": \"../etc\"}");
        var unreadable = registry.ReadState();
        Assert.Null(unreadable.Active); // an unreadable pointer activates nothing
        Assert.NotNull(unreadable.PointerProblem);
    }

    [Fact]
    public async Task Text_file_loading_skips_scans_with_a_reason()
    {
        var dir = _models.Combine("data");
        Directory.CreateDirectory(Path.Combine(dir, "Rechnung"));
        File.WriteAllText(Path.Combine(dir, "Rechnung", "a.txt"), "Rechnung Nr. 1");
        File.WriteAllBytes(Path.Combine(dir, "Rechnung", "b.pdf"), "%PDF-1.7"u8.ToArray());

        var contents = await LabeledFolder.LoadTextFilesAsync(dir);
        Assert.Equal("Rechnung/a.txt", Assert.Single(contents.Examples).Source);
        var skipped = Assert.Single(contents.Skipped);
        Assert.Equal("Rechnung/b.pdf", skipped.Source);
        Assert.Contains("only .txt", skipped.Reason, StringComparison.Ordinal);
    }
}
