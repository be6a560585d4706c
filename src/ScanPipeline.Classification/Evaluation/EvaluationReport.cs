using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScanPipeline.Classification.Evaluation;

public sealed record ClassMetrics(double Precision, double Recall, double F1, int Support);

/// <summary>Rows are the true labels, columns the predicted labels, both in <see cref="Labels"/> order.</summary>
public sealed record ConfusionMatrix(IReadOnlyList<string> Labels, IReadOnlyList<IReadOnlyList<int>> Matrix);

/// <summary>Predictions whose top-class confidence lies in [Lower, Upper) (the last bin includes 1.0).</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);

/// <summary>
/// Expected calibration error: the count-weighted mean gap between confidence and accuracy over the bins.
/// A well-calibrated model that says "80 %" is right about 80 % of the time. The figures are for the
/// confidences the model reports (calibrated with <see cref="Temperature"/>);
/// <see cref="UncalibratedExpectedCalibrationError"/> is the same measure on the trainer's own probabilities.
/// </summary>
public sealed record CalibrationReport(
    double ExpectedCalibrationError, IReadOnlyList<ReliabilityBin> Reliability,
    double? Temperature = null, double? UncalibratedExpectedCalibrationError = null);

/// <summary>
/// Metrics of a model on labelled texts. <see cref="Examples"/> counts every text; texts the model
/// abstained on (no words to classify) and texts whose label the model does not know count as errors.
/// <see cref="MacroF1"/> averages F1 over the labels that occur as truth or as prediction.
/// Serialised with <see cref="ToJson"/> to the JSON the CLI prints.
/// </summary>
public sealed record EvaluationReport(
    string? ModelVersion,
    int Examples,
    int Abstained,
    double Accuracy,
    double MacroF1,
    IReadOnlyDictionary<string, ClassMetrics> PerClass,
    ConfusionMatrix Confusion,
    CalibrationReport Calibration,
    IReadOnlyList<string> UnknownLabels,
    OutOfDomainReport? OutOfDomain = null)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Labels are German ("Bußgeld-Einspruch"): keep them readable in the JSON.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static EvaluationReport FromJson(string json) =>
        JsonSerializer.Deserialize<EvaluationReport>(json, JsonOptions)
        ?? throw new JsonException("Evaluation report is empty.");
}
