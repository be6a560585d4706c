using Microsoft.ML;
using ScanPipeline.Classification.Models;
using ScanPipeline.Classification.Text;
using ScanPipeline.Classification.Training;
using Xunit;

namespace ScanPipeline.Tests.Classification;

/// <summary>Prediction scores the feature vector itself; it must give what ML.NET's own scoring of the saved model gives.</summary>
[Collection(SmallModelCollection.Name)]
public sealed class LinearScorerTests(SmallModelFixture fixture)
{
    [Fact]
    public void Scores_equal_ml_nets_own_scoring_of_the_saved_model()
    {
        var ml = new MLContext(seed: 1);
        var transformer = ml.Model.Load(Path.Combine(fixture.SavedModelDirectory, ModelManifest.ModelFileName), out var schema);
        var engine = ml.Model.CreatePredictionEngine<ModelInput, ModelOutput>(transformer, schema);
        using var model = TrainedModel.Load(fixture.SavedModelDirectory);

        foreach (var text in fixture.Dev.Select(e => e.Text).Take(40))
        {
            var expected = engine.Predict(new ModelInput { Text = TextNormalizer.Normalize(text) }).Score;
            var actual = model.Score(text)!.Value.Raw;
            Assert.Equal(expected.Length, actual.Length);
            for (var c = 0; c < expected.Length; c++) Assert.Equal(expected[c], actual[c], 5);
        }
    }
}
