using ScanPipeline.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPipeline.Classification;
using ScanPipeline.Classification.Models;
using ScanPipeline.Core.Classification;
using Xunit;

namespace ScanPipeline.Tests.Classification;

[Collection(SmallModelCollection.Name)]
public sealed class ModelClassifierTests(SmallModelFixture fixture) : IDisposable
{
    private readonly TempDirectory _models = new();
    private readonly ListLogger<ModelClassifier> _log = new();

    public void Dispose() => _models.Dispose();

    private ModelClassifier Classifier(string? modelsDirectory = null) =>
        new(Options.Create(new ClassificationOptions { ModelsDirectory = modelsDirectory ?? _models.Path }), _log);

    private string SportText => fixture.Dev.First(e => e.Label == "Sport").Text;

    private void AssertRoutesToVerification(ModelClassifier classifier, string expectedInLog)
    {
        Assert.False(classifier.HasModel);
        Assert.Null(classifier.ModelVersion);
        Assert.Null(classifier.Predict(SportText));
        var error = Assert.Single(_log.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(expectedInLog, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predicts_with_the_active_model()
    {
        fixture.CopySavedModel(_models.Path);
        using var classifier = Classifier();

        var prediction = classifier.Predict(SportText);

        Assert.True(classifier.HasModel);
        Assert.NotNull(prediction);
        Assert.Equal(fixture.Model.Version, prediction.ModelVersion);
        Assert.Equal(fixture.Model.Predict(SportText)!.Scores, prediction.Scores);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains(fixture.Model.Version, StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_text_gives_no_prediction()
    {
        fixture.CopySavedModel(_models.Path);
        using var classifier = Classifier();
        Assert.Null(classifier.Predict(""));
        Assert.Null(classifier.Predict(null!));
        Assert.DoesNotContain(_log.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public void Pooled_engines_give_the_same_answers_from_many_threads()
    {
        fixture.CopySavedModel(_models.Path);
        using var classifier = Classifier();
        var texts = fixture.Dev.Select(e => e.Text).ToArray();
        var sequential = texts.Select(t => classifier.Predict(t)!.Scores).ToArray();
        var parallel = new IReadOnlyList<ClassScore>[texts.Length];

        Parallel.For(0, texts.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => parallel[i % texts.Length] = classifier.Predict(texts[i % texts.Length])!.Scores);

        for (var i = 0; i < texts.Length; i++) Assert.Equal(sequential[i], parallel[i]);
    }

    [Fact]
    public void No_model_folder_means_no_prediction_and_an_error_in_the_log()
    {
        AssertRoutesToVerification(Classifier(_models.Combine("does-not-exist")), "No model version");
    }

    [Fact]
    public void A_damaged_model_zip_is_refused_by_its_hash()
    {
        var dir = fixture.CopySavedModel(_models.Path);
        File.WriteAllBytes(Path.Combine(dir, ModelManifest.ModelFileName), "PK\u0003\u0004 not really a zip"u8.ToArray());
        AssertRoutesToVerification(Classifier(), "does not match the hash");
    }

    [Fact]
    public void An_unreadable_model_zip_with_a_matching_hash_is_refused()
    {
        var dir = fixture.CopySavedModel(_models.Path);
        var zip = Path.Combine(dir, ModelManifest.ModelFileName);
        File.WriteAllBytes(zip, "PK\u0003\u0004 not really a zip"u8.ToArray());
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(zip)));
        ManifestEditing.Edit(dir, m => m["modelSha256"] = hash);
        AssertRoutesToVerification(Classifier(), "cannot be read");
    }

    [Fact]
    public void An_unknown_format_version_is_refused()
    {
        ManifestEditing.Edit(fixture.CopySavedModel(_models.Path), m => m["formatVersion"] = ModelManifest.CurrentFormatVersion + 1);
        AssertRoutesToVerification(Classifier(), "format version");
    }

    [Fact]
    public void A_manifest_without_labels_is_refused()
    {
        ManifestEditing.Edit(fixture.CopySavedModel(_models.Path), m => m.Remove("labels"));
        AssertRoutesToVerification(Classifier(), "labels");
    }

    [Fact]
    public void Labels_that_do_not_match_the_model_are_refused()
    {
        ManifestEditing.Edit(fixture.CopySavedModel(_models.Path), m => m["labels"] = new System.Text.Json.Nodes.JsonArray("Bauantrag", "Kita-Anmeldung", "Wohngeld"));
        AssertRoutesToVerification(Classifier(), "differ from the manifest");
    }

    [Fact]
    public void A_manifest_that_is_not_json_is_refused()
    {
        var dir = fixture.CopySavedModel(_models.Path);
        File.WriteAllText(Path.Combine(dir, ModelManifest.FileName), "{ truncated");
        AssertRoutesToVerification(Classifier(), "manifest is not valid");
    }

    [Fact]
    public void AddClassification_binds_the_section_and_serves_the_active_model()
    {
        fixture.CopySavedModel(_models.Path);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Classification:ModelsDirectory"] = _models.Path })
            .Build();
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddClassification(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var classifier = provider.GetRequiredService<IDocumentClassifier>();

        Assert.Same(provider.GetRequiredService<ModelClassifier>(), classifier);
        Assert.Equal(fixture.Model.Version, classifier.Predict(SportText)?.ModelVersion);
        Assert.Equal(_models.Path, provider.GetRequiredService<IOptions<ClassificationOptions>>().Value.ModelsDirectory);
    }

    [Fact]
    public void An_empty_models_directory_setting_fails_validation()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Classification:ModelsDirectory"] = "" })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddClassification(configuration).BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ClassificationOptions>>().Value);
    }
}
