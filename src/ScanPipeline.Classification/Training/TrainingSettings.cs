namespace ScanPipeline.Classification.Training;

/// <summary>How <see cref="ModelTrainer"/> trains: featurisation, the competing trainers and the validation split.</summary>
public sealed record TrainingSettings
{
    /// <summary>Seed of the validation split and of the trainers: the same data and settings give the same model.</summary>
    public int Seed { get; init; } = 20261125;

    /// <summary>Share of every label's training examples held back to choose the trainer (at least one per label).</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>
    /// Folds of the cross-validation that chooses the trainer when there are at most
    /// <see cref="CrossValidationMaxExamples"/> examples (below 2: never; one split of <see cref="ValidationFraction"/> instead).
    /// </summary>
    public int CrossValidationFolds { get; init; } = 5;

    /// <summary>Up to this many examples the trainer is chosen by cross-validation; above it one validation split is precise enough and k times cheaper.</summary>
    public int CrossValidationMaxExamples { get; init; } = 3000;

    /// <summary>Weight every example by N / (labels × examples of its label), so rare document types count as much as common ones.</summary>
    public bool BalanceClasses { get; init; } = true;

    public FeaturizationSettings Featurization { get; init; } = new();

    /// <summary>
    /// The out-of-domain threshold is <see cref="OutOfDomainMargin"/> × this percentile of the domain similarities
    /// of the validation documents (see <see cref="Models.OutOfDomainDetection"/>).
    /// </summary>
    public double OutOfDomainPercentile { get; init; } = 0;

    /// <summary>
    /// Factor on the percentile. The validation texts are as clean as the training texts, while scanned post
    /// carries OCR slips that lower its similarity a little; the margin keeps such in-domain post out of the flag.
    /// </summary>
    public double OutOfDomainMargin { get; init; } = 0.7;

    /// <summary>The candidates, in order of preference when two score the same macro-F1.</summary>
    public IReadOnlyList<TrainerCandidate> Candidates { get; init; } = DefaultCandidates;

    public static readonly IReadOnlyList<TrainerCandidate> DefaultCandidates =
    [
        new LbfgsMaximumEntropyCandidate(L2Regularization: 0.001),
        new LbfgsMaximumEntropyCandidate(L2Regularization: 0.0003),
        new LbfgsMaximumEntropyCandidate(L2Regularization: 0.0001),
        new LbfgsMaximumEntropyCandidate(L2Regularization: 0.003),
        new LbfgsMaximumEntropyCandidate(L2Regularization: 0.01),
        new SdcaMaximumEntropyCandidate(),
    ];

    public void Validate()
    {
        if (ValidationFraction is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "must be between 0 and 1 (exclusive)");
        if (CrossValidationFolds is < 0 or > 20) throw new ArgumentOutOfRangeException(nameof(CrossValidationFolds), CrossValidationFolds, "must be 0..20");
        if (CrossValidationMaxExamples < 0) throw new ArgumentOutOfRangeException(nameof(CrossValidationMaxExamples), CrossValidationMaxExamples, "must not be negative");
        if (Candidates.Count == 0) throw new ArgumentException("At least one trainer candidate is needed.", nameof(Candidates));
        var duplicate = Candidates.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Trainer candidate '{duplicate.Key}' is listed twice.", nameof(Candidates));
        if (OutOfDomainPercentile is < 0 or >= 0.5)
            throw new ArgumentOutOfRangeException(nameof(OutOfDomainPercentile), OutOfDomainPercentile, "must be at least 0 and below 0.5");
        if (OutOfDomainMargin is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(OutOfDomainMargin), OutOfDomainMargin, "must be above 0 and at most 1");
        Featurization.Validate();
    }
}
