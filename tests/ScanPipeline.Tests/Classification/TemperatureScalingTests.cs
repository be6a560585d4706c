using ScanPipeline.Classification.Training;

namespace ScanPipeline.Tests.Classification;

public sealed class TemperatureScalingTests
{
    [Fact]
    public void Temperature_one_keeps_the_probabilities_and_other_temperatures_keep_the_ranking()
    {
        float[] p = [0.7f, 0.2f, 0.1f];
        var same = TemperatureScaling.Apply(p, 1);
        Assert.Equal(p.Select(x => (double)x), same, (a, b) => Math.Abs(a - b) < 1e-6);

        var softer = TemperatureScaling.Apply(p, 2);
        var sharper = TemperatureScaling.Apply(p, 0.5);
        Assert.True(softer[0] < 0.7 && sharper[0] > 0.7, $"softer {softer[0]}, sharper {sharper[0]}");
        Assert.Equal(1, softer.Sum(), 6);
        Assert.Equal(1, sharper.Sum(), 6);
        Assert.True(softer[0] > softer[1] && softer[1] > softer[2]);
        Assert.True(sharper[0] > sharper[1] && sharper[1] > sharper[2]);
        // softmax(log p / 2) = sqrt(p) normalised.
        var roots = p.Select(x => Math.Sqrt(x)).ToArray();
        Assert.Equal(roots[0] / roots.Sum(), softer[0], 6);
    }

    [Fact]
    public void An_over_confident_model_gets_a_temperature_above_one_that_lowers_the_likelihood_loss()
    {
        // Always 95 % sure of its first class, but right only 6 times in 10.
        var rows = Enumerable.Range(0, 100)
            .Select(i => new TemperatureScaling.ScoredRow(i % 10 < 6 ? 0 : 1, [0.95f, 0.03f, 0.02f]))
            .ToList();

        var temperature = TemperatureScaling.Fit(rows);

        Assert.InRange(temperature, 1.5, TemperatureScaling.MaxTemperature);
        Assert.True(TemperatureScaling.NegativeLogLikelihood(rows, temperature) < TemperatureScaling.NegativeLogLikelihood(rows, 1));
        // Calibrated, the top confidence comes close to the accuracy of 60 %.
        Assert.InRange(TemperatureScaling.Apply(rows[0].Probabilities, temperature)[0], 0.5, 0.7);
    }

    [Fact]
    public void An_under_confident_model_gets_a_temperature_below_one()
    {
        // 55 % sure, right 9 times in 10.
        var rows = Enumerable.Range(0, 100)
            .Select(i => new TemperatureScaling.ScoredRow(i % 10 < 9 ? 0 : 1, [0.55f, 0.25f, 0.20f]))
            .ToList();
        Assert.InRange(TemperatureScaling.Fit(rows), TemperatureScaling.MinTemperature, 0.9);
    }

    [Fact]
    public void Without_a_single_validation_error_the_confidences_stay_as_they_are()
    {
        // The loss keeps falling as T goes to 0: there is no optimum, so nothing is fitted.
        var rows = Enumerable.Range(0, 50).Select(i => new TemperatureScaling.ScoredRow(i % 3, Probabilities(i % 3))).ToList();
        Assert.Equal(1, TemperatureScaling.Fit(rows));
        Assert.Equal(1, TemperatureScaling.Fit([]));

        static float[] Probabilities(int best)
        {
            var p = new[] { 0.2f, 0.2f, 0.2f };
            p[best] = 0.6f;
            return p;
        }
    }

    [Fact]
    public void Temperatures_that_are_not_positive_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TemperatureScaling.Apply([0.5f, 0.5f], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TemperatureScaling.Apply([0.5f, 0.5f], double.NaN));
    }
}
