using ScanPipeline.Classification.Evaluation;
using ScanPipeline.Classification.Training;

namespace ScanPipeline.Classification.Models;

/// <summary>
/// The manifest's record of how the model's confidences are calibrated: <see cref="TemperatureScaling"/> with
/// <see cref="Temperature"/>, fitted on the validation split, with that split's negative log-likelihood and
/// expected calibration error before (T = 1) and after. <see cref="TrainedModel.Predict"/> applies it.
/// </summary>
public sealed record ConfidenceCalibration(
    string Method, double Temperature, int ValidationExamples,
    double ValidationNllBefore, double ValidationNllAfter, double ValidationEceBefore, double ValidationEceAfter)
{
    public const string TemperatureScalingMethod = "temperature-scaling";

    /// <summary>Fits the temperature on the chosen trainer's scores of the validation split.</summary>
    internal static ConfidenceCalibration Fit(IReadOnlyList<TemperatureScaling.ScoredRow> validation, int calibrationBins = ModelEvaluator.DefaultCalibrationBins)
    {
        var temperature = TemperatureScaling.Fit(validation);
        return new ConfidenceCalibration(
            TemperatureScalingMethod, Math.Round(temperature, 4), validation.Count,
            TemperatureScaling.NegativeLogLikelihood(validation, 1), TemperatureScaling.NegativeLogLikelihood(validation, temperature),
            Ece(validation, 1, calibrationBins), Ece(validation, temperature, calibrationBins));
    }

    private static double Ece(IReadOnlyList<TemperatureScaling.ScoredRow> rows, double temperature, int bins)
    {
        var scored = rows.Select(r =>
        {
            var p = TemperatureScaling.Apply(r.Probabilities, temperature);
            var best = Array.IndexOf(p, p.Max());
            return new ScoredExample(r.Actual.ToString(System.Globalization.CultureInfo.InvariantCulture),
                best.ToString(System.Globalization.CultureInfo.InvariantCulture), p[best]);
        }).ToList();
        return ModelEvaluator.ExpectedCalibrationError(scored, bins);
    }
}
