using ScanPipeline.Classification.Evaluation;
using ScanPipeline.Classification.Models;
using ScanPipeline.Tests.Infrastructure;
using Xunit;

namespace ScanPipeline.Tests.Classification;

/// <summary>Promotion gate and rollback on real (small) models: a good one and a clearly weaker one.</summary>
[Collection(SmallModelCollection.Name)]
public sealed class ModelLifecycleTests(SmallModelFixture fixture) : IDisposable
{
    private readonly TempDirectory _models = new();

    public void Dispose() => _models.Dispose();

    private ModelRegistry RegistryWithBoth()
    {
        fixture.CopySavedModel(_models.Path);
        fixture.CopyWeakModel(_models.Path);
        return new ModelRegistry(_models.Path);
    }

    [Fact]
    public void The_weak_model_really_is_weaker_on_the_held_out_texts()
    {
        // The premise of the gate tests below, measured rather than assumed.
        var good = ModelEvaluator.Evaluate(fixture.Model, fixture.Dev).MacroF1;
        var weak = ModelEvaluator.Evaluate(fixture.WeakModel, fixture.Dev).MacroF1;
        Assert.True(weak < good - 0.05, $"weak {weak:F3} vs good {good:F3}");
    }

    [Fact]
    public void Promote_refuses_a_model_that_scores_below_the_active_one_and_keeps_the_pointer()
    {
        var registry = RegistryWithBoth();
        registry.Activate(fixture.Model.Version, "test");
        var pointerBefore = File.ReadAllText(_models.Combine(ModelRegistry.ActivePointerFileName));

        var result = ModelPromotion.Promote(registry, fixture.WeakModel.Version, fixture.Dev, force: false);

        Assert.False(result.Promoted);
        Assert.True(result.RefusedByGate);
        Assert.Equal(fixture.Model.Version, result.Current);
        Assert.True(result.CandidateReport.MacroF1 < result.CurrentReport!.MacroF1);
        Assert.Equal(pointerBefore, File.ReadAllText(_models.Combine(ModelRegistry.ActivePointerFileName)));
        Assert.Equal(fixture.Model.Version, registry.GetActiveVersion());
    }

    [Fact]
    public void Promote_with_force_activates_the_weaker_model_and_says_so()
    {
        var registry = RegistryWithBoth();
        registry.Activate(fixture.Model.Version, "test");

        var result = ModelPromotion.Promote(registry, fixture.WeakModel.Version, fixture.Dev, force: true);

        Assert.True(result.Promoted);
        Assert.True(result.Forced);
        var pointer = registry.ReadPointer()!;
        Assert.Equal(fixture.WeakModel.Version, pointer.Version);
        Assert.Contains("--force", pointer.Reason);
        Assert.Equal(fixture.Model.Version, pointer.History[0].Version);
    }

    [Fact]
    public void Promote_activates_a_better_model_and_rollback_returns_to_the_one_before()
    {
        var registry = RegistryWithBoth();
        registry.Activate(fixture.WeakModel.Version, "test");

        var result = ModelPromotion.Promote(registry, fixture.Model.Version, fixture.Dev, force: false);
        Assert.True(result.Promoted);
        Assert.False(result.Forced);
        Assert.Equal(fixture.Model.Version, registry.GetActiveVersion());

        var back = registry.Rollback();
        Assert.Equal(fixture.WeakModel.Version, back.Version);
        Assert.Equal(fixture.WeakModel.Version, registry.GetActiveVersion());
        Assert.Contains("rollback", back.Reason);
        // Nothing older is recorded: a second rollback is refused and changes nothing.
        Assert.Throws<ModelLoadException>(() => registry.Rollback());
        Assert.Equal(fixture.WeakModel.Version, registry.GetActiveVersion());
    }

    [Fact]
    public void Without_an_active_model_the_first_promotion_only_has_to_load()
    {
        var registry = new ModelRegistry(_models.Path);
        fixture.CopyWeakModel(_models.Path);
        File.WriteAllText(_models.Combine(ModelRegistry.ActivePointerFileName), """{"version":"gone-version","activatedAt":"2026-01-01T00:00:00Z"}""");

        var result = ModelPromotion.Promote(registry, fixture.WeakModel.Version, fixture.Dev, force: false);

        Assert.True(result.Promoted);
        Assert.NotNull(result.CurrentUnusableReason);
        Assert.Equal(fixture.WeakModel.Version, registry.GetActiveVersion());
    }

    [Fact]
    public void A_model_that_does_not_load_is_never_promoted_even_with_force()
    {
        var registry = RegistryWithBoth();
        registry.Activate(fixture.Model.Version, "test");
        var weak = _models.Combine(fixture.WeakModel.Version, ModelManifest.ModelFileName);
        File.WriteAllBytes(weak, [.. File.ReadAllBytes(weak).Take(100)]);

        Assert.Throws<ModelLoadException>(() => ModelPromotion.Promote(registry, fixture.WeakModel.Version, fixture.Dev, force: true));
        Assert.Equal(fixture.Model.Version, registry.GetActiveVersion());
    }

    [Fact]
    public void Rollback_skips_an_earlier_version_that_no_longer_loads()
    {
        var registry = RegistryWithBoth();
        var third = "2026-01-03-cccccc";
        ManifestEditing.MakeVersion(fixture.CopySavedModel(_models.Path, third), third, DateTimeOffset.Parse("2026-01-03T08:00:00Z"));
        registry.Activate(fixture.WeakModel.Version, "first");
        registry.Activate(third, "second");
        registry.Activate(fixture.Model.Version, "third");
        Directory.Delete(_models.Combine(third), recursive: true);

        var back = registry.Rollback();

        Assert.Equal(fixture.WeakModel.Version, back.Version);
        Assert.Empty(back.History);
    }

    [Fact]
    public void The_first_activation_remembers_the_implicitly_active_newest_version()
    {
        var registry = RegistryWithBoth();
        var implicitActive = registry.GetActiveVersion()!;
        var other = implicitActive == fixture.Model.Version ? fixture.WeakModel.Version : fixture.Model.Version;

        registry.Activate(other, "test");

        Assert.Equal(implicitActive, registry.ReadPointer()!.History.Single().Version);
        Assert.Equal(implicitActive, registry.Rollback().Version);
    }
}
