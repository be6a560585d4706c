namespace ScanPipeline.Core.Classification;

public sealed record ClassScore(string Label, double Score);

/// <summary>A prediction: the best type, its confidence (0..1) and every type's score, best first.</summary>
public sealed record Prediction(string DocumentType, double Confidence, IReadOnlyList<ClassScore> Scores, string ModelVersion);

public interface IDocumentClassifier
{
    /// <summary>Null when no usable model is loaded; callers route such documents to verification.</summary>
    Prediction? Predict(string text);
}
