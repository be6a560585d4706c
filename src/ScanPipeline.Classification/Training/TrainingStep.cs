namespace ScanPipeline.Classification.Training;

/// <summary>The stages of <see cref="ModelTrainer.Train(IReadOnlyList{Data.LabeledText}, TrainingSettings, IProgress{TrainingStep}?, CancellationToken)"/>, in order.</summary>
public enum TrainingPhase
{
    /// <summary>Normalising the texts and checking that every label has enough of them.</summary>
    Preparing,

    /// <summary>Scoring every candidate trainer on the validation folds (or the one validation split).</summary>
    ChoosingTrainer,

    /// <summary>Fitting the confidence calibration and the out-of-domain thresholds of the chosen trainer.</summary>
    Calibrating,

    /// <summary>Refitting the chosen trainer on all training data.</summary>
    FinalFit,
}

/// <summary>
/// One progress report of the trainer: the phase, and while choosing the trainer which fold and which
/// candidate is being fitted (1-based; 0 while the fold is being featurised). <see cref="Message"/> is the
/// English log line the command line prints.
/// </summary>
public sealed record TrainingStep(
    TrainingPhase Phase, string Message, int Fold = 0, int Folds = 0, int Candidate = 0, int Candidates = 0, string? CandidateName = null);

/// <summary>Training data the trainer cannot learn from: fewer than two labels, or labels with fewer than two texts.</summary>
public sealed class TrainingDataException(string message, int labelCount, IReadOnlyList<string> labelsWithTooFewExamples)
    : ArgumentException(message, "examples")
{
    /// <summary>How many labels have texts with words.</summary>
    public int LabelCount { get; } = labelCount;

    /// <summary>Labels with fewer than two texts with words (empty when the problem is the number of labels).</summary>
    public IReadOnlyList<string> LabelsWithTooFewExamples { get; } = labelsWithTooFewExamples;
}
