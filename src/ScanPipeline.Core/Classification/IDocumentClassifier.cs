namespace ScanPipeline.Core.Classification;

public sealed record ClassScore(string Label, double Score);

/// <summary>
/// A prediction: the best type, its confidence (a calibrated probability, 0..1), every type's score, best first,
/// and the model version. <paramref name="OutOfDomain"/> is true when the document is unlike every type the model
/// knows (an advert, a private letter, a blank form): whatever the confidence, it belongs in verification.
/// <paramref name="DomainSimilarity"/> is the model's measure of how close the text is to the known types (0..1);
/// null when the model has none.
/// </summary>
public sealed record Prediction(
    string DocumentType, double Confidence, IReadOnlyList<ClassScore> Scores, string ModelVersion,
    bool OutOfDomain = false, double? DomainSimilarity = null);

public interface IDocumentClassifier
{
    /// <summary>Null when no usable model is loaded; callers route such documents to verification.</summary>
    Prediction? Predict(string text);
}
