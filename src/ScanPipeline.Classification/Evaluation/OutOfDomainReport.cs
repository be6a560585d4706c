namespace ScanPipeline.Classification.Evaluation;

/// <summary>
/// How many documents of one kind (or of the in-domain test set) went to verification, and why.
/// <see cref="ToVerificationByConfidenceAlone"/>: how many would go there if the out-of-domain flag were ignored
/// (confidence thresholds only, as before the flag existed). <see cref="DomainSimilarity"/>: the minimum, median
/// and maximum domain similarity of the documents the model classified.
/// </summary>
public sealed record RoutingOutcome(
    int Examples, int ToVerification, double Rate, IReadOnlyDictionary<string, int> Reasons,
    int ToVerificationByConfidenceAlone, IReadOnlyList<double> DomainSimilarity);

/// <summary>
/// What the routing rules would do with out-of-domain documents and with the in-domain test documents.
/// <see cref="Caught"/>: out-of-domain documents that go to verification, whether flagged out of domain
/// (reason unknown-type), below their type's confidence threshold (low-confidence) or without words (no-model).
/// <see cref="InDomain"/> is the cost: in-domain documents that go to verification for the same reasons.
/// </summary>
public sealed record OutOfDomainReport(
    double SimilarityThreshold,
    double DefaultMinConfidence,
    int Examples,
    int Caught,
    double CaughtRate,
    IReadOnlyDictionary<string, int> Reasons,
    IReadOnlyDictionary<string, RoutingOutcome> PerKind,
    RoutingOutcome InDomain);
