using ScanPipeline.Classification.Evaluation;
using Xunit;

namespace ScanPipeline.Tests.Classification;

public sealed class ModelEvaluatorTests
{
    // Hand-computed example. Model labels A, B, C; "D" is unknown to the model; one abstention.
    //   actual → predicted (confidence)
    //   A→A .90 ✓  A→A .80 ✓  A→B .60 ✗  B→B .70 ✓  B→A .55 ✗  C→C .95 ✓  D→A .45 ✗  A→none ✗
    private static readonly ScoredExample[] Examples =
    [
        new("A", "A", 0.90), new("A", "A", 0.80), new("A", "B", 0.60), new("B", "B", 0.70),
        new("B", "A", 0.55), new("C", "C", 0.95), new("D", "A", 0.45), new("A", null, 0),
    ];

    private static EvaluationReport Report() => ModelEvaluator.Score(Examples, ["A", "B", "C"], "v1");

    [Fact]
    public void Accuracy_counts_abstentions_and_unknown_labels_as_errors()
    {
        var report = Report();
        Assert.Equal(8, report.Examples);
        Assert.Equal(1, report.Abstained);
        Assert.Equal(4.0 / 8, report.Accuracy, 12);
        Assert.Equal(["D"], report.UnknownLabels);
        Assert.Equal("v1", report.ModelVersion);
    }

    [Fact]
    public void Confusion_matrix_rows_are_truth_and_columns_predictions()
    {
        var confusion = Report().Confusion;
        Assert.Equal(["A", "B", "C", "D"], confusion.Labels);
        Assert.Equal([2, 1, 0, 0], confusion.Matrix[0]); // the abstained A is in no column
        Assert.Equal([1, 1, 0, 0], confusion.Matrix[1]);
        Assert.Equal([0, 0, 1, 0], confusion.Matrix[2]);
        Assert.Equal([1, 0, 0, 0], confusion.Matrix[3]);
    }

    [Fact]
    public void Per_class_and_macro_f1()
    {
        var report = Report();
        AssertClass(report.PerClass["A"], precision: 2.0 / 4, recall: 2.0 / 4, f1: 0.5, support: 4);
        AssertClass(report.PerClass["B"], precision: 1.0 / 2, recall: 1.0 / 2, f1: 0.5, support: 2);
        AssertClass(report.PerClass["C"], precision: 1, recall: 1, f1: 1, support: 1);
        AssertClass(report.PerClass["D"], precision: 0, recall: 0, f1: 0, support: 1);
        Assert.Equal((0.5 + 0.5 + 1 + 0) / 4, report.MacroF1, 12);
    }

    [Fact]
    public void Calibration_bins_and_expected_calibration_error()
    {
        var calibration = Report().Calibration;
        Assert.Equal(10, calibration.Reliability.Count);
        Assert.Equal(7, calibration.Reliability.Sum(b => b.Count)); // abstentions have no confidence
        var top = calibration.Reliability[9];
        Assert.Equal((0.9, 1.0, 2), (top.Lower, top.Upper, top.Count));
        Assert.Equal(0.925, top.MeanConfidence, 12);
        Assert.Equal(1.0, top.Accuracy, 12);
        Assert.Equal(0, calibration.Reliability[6].Accuracy);
        Assert.Equal(0, calibration.Reliability[0].Count);
        // (1/7)(.45 + .55 + .60 + .30 + .20) + (2/7)(.075) = 2.25 / 7
        Assert.Equal(2.25 / 7, calibration.ExpectedCalibrationError, 12);
    }

    [Fact]
    public void Macro_f1_ignores_model_labels_absent_from_truth_and_predictions()
    {
        var report = ModelEvaluator.Score([new("A", "A", 0.9), new("B", "A", 0.6)], ["A", "B", "C"]);
        Assert.Equal(0, report.PerClass["C"].Support);
        Assert.Equal((2.0 / 3 + 0) / 2, report.MacroF1, 12); // A: P .5, R 1 → F1 2/3; B: 0; C not counted
    }

    [Fact]
    public void Json_has_the_keys_the_cli_prints_and_round_trips()
    {
        var report = Report();
        var json = report.ToJson();
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(0.5, root.GetProperty("accuracy").GetDouble(), 12);
        Assert.Equal(0.5, root.GetProperty("macroF1").GetDouble(), 12);
        var a = root.GetProperty("perClass").GetProperty("A");
        Assert.Equal(4, a.GetProperty("support").GetInt32());
        Assert.True(a.TryGetProperty("precision", out _) && a.TryGetProperty("recall", out _) && a.TryGetProperty("f1", out _));
        Assert.Equal(4, root.GetProperty("confusion").GetProperty("labels").GetArrayLength());
        Assert.Equal(4, root.GetProperty("confusion").GetProperty("matrix").GetArrayLength());
        var calibration = root.GetProperty("calibration");
        Assert.Equal(2.25 / 7, calibration.GetProperty("expectedCalibrationError").GetDouble(), 12);
        var bin = calibration.GetProperty("reliability")[9];
        Assert.Equal(2, bin.GetProperty("count").GetInt32());
        Assert.True(bin.TryGetProperty("meanConfidence", out _) && bin.TryGetProperty("accuracy", out _));

        var back = EvaluationReport.FromJson(json);
        Assert.Equal(report.MacroF1, back.MacroF1);
        Assert.Equal(report.Confusion.Matrix[0], back.Confusion.Matrix[0]);
        Assert.Equal(report.PerClass["B"], back.PerClass["B"]);
    }

    [Fact]
    public void A_prediction_outside_the_model_labels_is_a_caller_error()
    {
        Assert.Throws<ArgumentException>(() => ModelEvaluator.Score([new("A", "Z", 0.9)], ["A", "B"]));
    }

    private static void AssertClass(ClassMetrics metrics, double precision, double recall, double f1, int support)
    {
        Assert.Equal(precision, metrics.Precision, 12);
        Assert.Equal(recall, metrics.Recall, 12);
        Assert.Equal(f1, metrics.F1, 12);
        Assert.Equal(support, metrics.Support);
    }
}
