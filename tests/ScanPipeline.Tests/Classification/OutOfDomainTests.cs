using System.Security.Cryptography;
using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Evaluation;
using ScanPipeline.Classification.Models;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Tests.Infrastructure;

namespace ScanPipeline.Tests.Classification;

/// <summary>
/// The out-of-domain signal and the calibration as stored in a model folder, on the small news model, and
/// the routing of samples/training/ood (letters of no known type) with the shipped model and rules.
/// </summary>
[Collection(SmallModelCollection.Name)]
public sealed class OutOfDomainTests(SmallModelFixture fixture) : IDisposable
{
    private readonly TempDirectory _models = new();

    public void Dispose() => _models.Dispose();

    private static async Task<IReadOnlyList<LabeledText>> Folder(string relative) =>
        (await LabeledFolder.LoadAsync(Repository.Path(relative), ClassificationTestData.NoExtraction)).Examples;

    [Fact]
    public async Task The_shipped_model_sends_letters_of_no_known_type_to_verification_and_keeps_held_out_letters_in_their_departments()
    {
        using var model = new ModelRegistry(Repository.Path("models")).LoadActive();
        var rules = RoutingRules.Load(Repository.Path("config/routing-rules.json"));
        var ood = await Folder("samples/training/ood");
        var test = await Folder("samples/training/test");
        Assert.True(ood.Select(e => e.Label).Distinct().Count() >= 5 && ood.Count >= 60, $"{ood.Count} out-of-domain letters");

        var report = ModelEvaluator.EvaluateOutOfDomain(model, test, ood, rules);

        Assert.True(report.CaughtRate >= 0.9, $"only {report.Caught} of {report.Examples} out-of-domain letters go to verification");
        Assert.All(report.PerKind, k => Assert.True(k.Value.Rate >= 0.75, $"{k.Key}: {k.Value.ToVerification} of {k.Value.Examples}"));
        Assert.True(report.InDomain.Rate <= 0.05, $"{report.InDomain.ToVerification} of {report.InDomain.Examples} held-out letters go to verification");
        // The flag works on its own, not only through low confidence.
        var flagged = ood.Count(e => model.Predict(e.Text)!.OutOfDomain);
        Assert.True(flagged >= 0.8 * ood.Count, $"only {flagged} of {ood.Count} flagged out of domain");
        Assert.Equal(flagged, report.Reasons.GetValueOrDefault(RoutingRules.ReasonUnknownType));
    }

    [Fact]
    public async Task The_shipped_model_sends_real_news_articles_to_verification()
    {
        // Real German text nobody here wrote, and of no mailroom type: 10kGNAD's dev articles.
        using var model = new ModelRegistry(Repository.Path("models")).LoadActive();
        var rules = RoutingRules.Load(Repository.Path("config/routing-rules.json"));
        var news = (await LabeledFolder.LoadAsync(Repository.SharedData("10kgnad", "dev"), ClassificationTestData.NoExtraction)).Examples;

        var report = ModelEvaluator.EvaluateOutOfDomain(model, [], news, rules);

        Assert.True(report.CaughtRate >= 0.9, $"only {report.Caught} of {report.Examples} news articles go to verification");
    }

    [Fact]
    public async Task Letters_of_no_known_type_are_less_similar_to_the_news_types_than_news_articles()
    {
        var ood = await Folder("samples/training/ood");
        double Mean(IEnumerable<string> texts) => texts.Select(t => fixture.Model.Predict(t)!.DomainSimilarity!.Value).Average();
        var news = Mean(fixture.Dev.Select(e => e.Text));
        var letters = Mean(ood.Select(e => e.Text));
        Assert.True(letters < news * 0.8, $"letters {letters:F3}, news {news:F3}");
        Assert.InRange(fixture.Model.OutOfDomainThreshold, 0.0001, news);
    }

    [Fact]
    public void The_manifest_records_calibration_and_out_of_domain_detection_and_a_saved_model_predicts_as_the_trained_one()
    {
        var manifest = ModelManifest.Read(Path.Combine(fixture.SavedModelDirectory, ModelManifest.FileName));
        Assert.Equal(ModelManifest.CurrentFormatVersion, manifest.FormatVersion);
        Assert.NotNull(manifest.Calibration);
        Assert.Equal(ConfidenceCalibration.TemperatureScalingMethod, manifest.Calibration.Method);
        Assert.True(manifest.Calibration.ValidationNllAfter <= manifest.Calibration.ValidationNllBefore + 1e-12);
        Assert.NotNull(manifest.OutOfDomain);
        Assert.Equal(OutOfDomainDetection.CentroidSimilarityMethod, manifest.OutOfDomain.Method);
        Assert.InRange(manifest.OutOfDomain.Threshold, 0, manifest.OutOfDomain.ValidationMinimum);
        Assert.InRange(manifest.OutOfDomain.ProminenceThreshold, 1, manifest.OutOfDomain.ValidationProminenceMedian);
        var centroids = Path.Combine(fixture.SavedModelDirectory, manifest.OutOfDomain.CentroidsFile);
        Assert.Equal(manifest.OutOfDomain.CentroidsSha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(centroids))));

        using var loaded = TrainedModel.Load(fixture.SavedModelDirectory);
        foreach (var text in fixture.Dev.Take(10).Select(e => e.Text))
        {
            var trained = fixture.Model.Predict(text)!;
            var saved = loaded.Predict(text)!;
            Assert.Equal(trained.Scores, saved.Scores);
            Assert.Equal(trained.DomainSimilarity!.Value, saved.DomainSimilarity!.Value, 6);
            Assert.Equal(trained.OutOfDomain, saved.OutOfDomain);
        }
    }

    [Fact]
    public void Evaluation_reports_the_temperature_and_the_calibration_error_without_it()
    {
        var report = ModelEvaluator.Evaluate(fixture.Model, fixture.Dev);
        Assert.Equal(fixture.Model.Temperature, report.Calibration.Temperature);
        Assert.NotNull(report.Calibration.UncalibratedExpectedCalibrationError);
        Assert.InRange(report.Calibration.UncalibratedExpectedCalibrationError!.Value, 0, 1);
        Assert.Null(report.OutOfDomain);
        Assert.Contains("\"uncalibratedExpectedCalibrationError\"", report.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_centroid_file_is_refused_by_its_hash()
    {
        var dir = fixture.CopySavedModel(_models.Path);
        var path = Path.Combine(dir, ClassCentroids.FileName);
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<ModelLoadException>(() => TrainedModel.Load(dir));
        Assert.Contains("does not match the hash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_centroid_file_is_refused()
    {
        var dir = fixture.CopySavedModel(_models.Path);
        File.Delete(Path.Combine(dir, ClassCentroids.FileName));
        Assert.Contains("is missing", Assert.Throws<ModelLoadException>(() => TrainedModel.Load(dir)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_centroid_file_with_a_matching_hash_is_refused()
    {
        var dir = fixture.CopySavedModel(_models.Path);
        var path = Path.Combine(dir, ClassCentroids.FileName);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..1000]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        ManifestEditing.Edit(dir, m => m["outOfDomain"]!["centroidsSha256"] = hash);
        Assert.Contains("truncated", Assert.Throws<ModelLoadException>(() => TrainedModel.Load(dir)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_without_calibration_or_out_of_domain_section_is_refused()
    {
        var dir = fixture.CopySavedModel(_models.Path, "no-calibration");
        ManifestEditing.Edit(dir, m => m.Remove("calibration"));
        Assert.Contains("calibration", Assert.Throws<ModelLoadException>(() => TrainedModel.Load(dir)).Message, StringComparison.Ordinal);

        dir = fixture.CopySavedModel(_models.Path, "no-ood");
        ManifestEditing.Edit(dir, m => m.Remove("outOfDomain"));
        Assert.Contains("out-of-domain", Assert.Throws<ModelLoadException>(() => TrainedModel.Load(dir)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_of_another_out_of_domain_method_is_refused()
    {
        var dir = fixture.CopySavedModel(_models.Path);
        ManifestEditing.Edit(dir, m => m["outOfDomain"]!["method"] = "max-centroid-cosine");
        Assert.Contains("out-of-domain method", Assert.Throws<ModelLoadException>(() => TrainedModel.Load(dir)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_temperature_outside_the_fitted_range_is_refused()
    {
        var dir = fixture.CopySavedModel(_models.Path);
        ManifestEditing.Edit(dir, m => m["calibration"]!["temperature"] = 0);
        Assert.Contains("temperature", Assert.Throws<ModelLoadException>(() => TrainedModel.Load(dir)).Message, StringComparison.Ordinal);
    }
}
