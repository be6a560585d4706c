using ScanPipeline.Tests.Infrastructure;
using System.Text.Json;
using ScanPipeline.Classification.Models;
using Xunit;

namespace ScanPipeline.Tests.Classification;

[Collection(SmallModelCollection.Name)]
public sealed class ModelRegistryTests(SmallModelFixture fixture) : IDisposable
{
    private readonly TempDirectory _models = new();

    public void Dispose() => _models.Dispose();

    private string PointerPath => _models.Combine(ModelRegistry.ActivePointerFileName);

    /// <summary>Two versions of the same trained model: "older" (yesterday) and "newer" (today).</summary>
    private (string Older, string Newer) TwoVersions()
    {
        var older = "2026-01-01-aaaaaa";
        var newer = "2026-01-02-bbbbbb";
        ManifestEditing.MakeVersion(fixture.CopySavedModel(_models.Path, older), older, new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));
        ManifestEditing.MakeVersion(fixture.CopySavedModel(_models.Path, newer), newer, new DateTimeOffset(2026, 1, 2, 8, 0, 0, TimeSpan.Zero));
        return (older, newer);
    }

    [Fact]
    public void An_empty_or_missing_folder_has_no_versions_and_no_active_model()
    {
        var registry = new ModelRegistry(_models.Combine("missing"));
        Assert.Empty(registry.ListVersions());
        Assert.Null(registry.GetActiveVersion());
        Assert.Throws<ModelLoadException>(registry.LoadActive);
    }

    [Fact]
    public void Lists_folders_with_a_manifest_newest_first()
    {
        var (older, newer) = TwoVersions();
        Directory.CreateDirectory(_models.Combine("not-a-model"));
        Directory.CreateDirectory(_models.Combine(".2026-01-03-cccccc.tmp")); // a Store in progress
        var renamed = fixture.CopySavedModel(_models.Path, "renamed-copy"); // manifest names another version

        var versions = new ModelRegistry(_models.Path).ListVersions();

        Assert.Equal([newer, older], versions.Select(v => v.Version));
        Assert.Equal(_models.Combine(newer), versions[0].Directory);
        var problem = Assert.Single(new ModelRegistry(_models.Path).ListProblems());
        Assert.Equal(Path.GetFileName(renamed), problem.Folder);
        Assert.Contains(fixture.Model.Version, problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_pointer_the_newest_version_is_active()
    {
        var (_, newer) = TwoVersions();
        var registry = new ModelRegistry(_models.Path);
        Assert.Null(registry.ReadPointer());
        Assert.Equal(newer, registry.GetActiveVersion());
        using var model = registry.LoadActive();
        Assert.Equal(newer, model.Version);
    }

    [Fact]
    public void Activate_writes_the_pointer_atomically_and_it_wins_over_newest()
    {
        var (older, _) = TwoVersions();
        var registry = new ModelRegistry(_models.Path);
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

        registry.Activate(older, clock: clock);

        Assert.Equal(older, registry.GetActiveVersion());
        using (var doc = JsonDocument.Parse(File.ReadAllText(PointerPath)))
        {
            Assert.Equal(older, doc.RootElement.GetProperty("version").GetString());
            Assert.Equal(clock.GetUtcNow(), doc.RootElement.GetProperty("activatedAt").GetDateTimeOffset());
        }
        Assert.Empty(Directory.GetFiles(_models.Path, "*.tmp"));
        using var model = registry.LoadActive();
        Assert.Equal(older, model.Version);
    }

    [Fact]
    public void Activate_refuses_unknown_and_broken_versions_and_keeps_the_pointer()
    {
        var (older, newer) = TwoVersions();
        var registry = new ModelRegistry(_models.Path);
        registry.Activate(older);
        var before = File.ReadAllText(PointerPath);
        File.WriteAllBytes(Path.Combine(_models.Combine(newer), ModelManifest.ModelFileName), [1, 2, 3]);

        Assert.Throws<ModelLoadException>(() => registry.Activate("2030-01-01-ffffff"));
        Assert.Throws<ModelLoadException>(() => registry.Activate(newer));
        Assert.Throws<ModelLoadException>(() => registry.Activate("../outside"));
        Assert.Equal(before, File.ReadAllText(PointerPath));
    }

    [Fact]
    public void A_pointer_to_a_missing_version_does_not_fall_back_to_another_model()
    {
        TwoVersions();
        File.WriteAllText(PointerPath, """{"version": "2025-12-31-deadbe", "activatedAt": "2026-01-03T00:00:00Z"}""");
        var registry = new ModelRegistry(_models.Path);
        Assert.Equal("2025-12-31-deadbe", registry.GetActiveVersion());
        Assert.Throws<ModelLoadException>(registry.LoadActive);
    }

    [Theory]
    [InlineData("""{"version": "../../etc"}""")]
    [InlineData("""{"version": "a/b"}""")]
    [InlineData("""{"version": ""}""")]
    [InlineData("not json")]
    public void A_pointer_that_is_not_a_plain_version_name_is_refused(string content)
    {
        TwoVersions();
        File.WriteAllText(PointerPath, content);
        Assert.Throws<ModelLoadException>(() => new ModelRegistry(_models.Path).GetActiveVersion());
    }

    [Fact]
    public void Store_adds_a_version_folder_once()
    {
        var registry = new ModelRegistry(_models.Path);
        var folder = registry.Store(fixture.Model);

        Assert.Equal(_models.Combine(fixture.Model.Version), folder);
        Assert.True(File.Exists(Path.Combine(folder, ModelManifest.ModelFileName)));
        Assert.Equal([fixture.Model.Version], registry.ListVersions().Select(v => v.Version));
        Assert.Empty(Directory.GetDirectories(_models.Path, ".*"));
        Assert.Throws<ModelVersionExistsException>(() => registry.Store(fixture.Model));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
