using Microsoft.ML.Data;

namespace ScanPipeline.Classification.Training;

/// <summary>
/// The model's input row. <see cref="Text"/> is already normalised (<see cref="Text.TextNormalizer"/>).
/// The saved pipeline starts by mapping <see cref="Label"/> to a key, so prediction passes an empty label.
/// </summary>
internal sealed class ModelInput
{
    public string Text { get; set; } = "";
    public string Label { get; set; } = "";
    public float Weight { get; set; } = 1f;
}

/// <summary>What prediction reads from ML.NET: the feature vector only (<see cref="Models.LinearScorer"/> scores it).</summary>
internal sealed class FeaturesOutput
{
    [ColumnName(ModelColumns.Features)]
    public VBuffer<float> Features { get; set; }
}

/// <summary>ML.NET's own scoring of a whole model (Score and Features); tests check <see cref="Models.LinearScorer"/> against it.</summary>
internal sealed class ModelOutput
{
    /// <summary>Softmax probabilities of the maximum-entropy model, one per label in key order.</summary>
    [ColumnName(ModelColumns.Score)]
    public float[] Score { get; set; } = [];

    /// <summary>The document's feature vector (sparse), for the out-of-domain similarity.</summary>
    [ColumnName(ModelColumns.Features)]
    public VBuffer<float> Features { get; set; }
}

internal static class ModelColumns
{
    public const string Text = nameof(ModelInput.Text);
    public const string Label = nameof(ModelInput.Label);
    public const string Weight = nameof(ModelInput.Weight);
    public const string LabelKey = "LabelKey";
    public const string Features = "Features";
    public const string Score = "Score";
}
