using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace ScanPipeline.Classification.Training;

/// <summary>
/// A trainer with fixed hyper-parameters that competes for a model. Both kinds are maximum-entropy
/// (multinomial logistic regression) models, so their scores are softmax probabilities. They run on one
/// thread, which keeps training deterministic for a given seed.
/// </summary>
public abstract record TrainerCandidate
{
    /// <summary>Trainer family, e.g. "SdcaMaximumEntropy".</summary>
    public abstract string Trainer { get; }

    /// <summary>The hyper-parameters that differ from ML.NET's defaults (absent = ML.NET chooses).</summary>
    public abstract IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>Unique, readable name: the trainer and its parameters.</summary>
    public string Name => Parameters.Count == 0
        ? Trainer
        : $"{Trainer}({string.Join(",", Parameters.Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}"))})";

    internal abstract IEstimator<ITransformer> Create(MLContext ml);
}

/// <summary>Stochastic dual coordinate ascent; with no regularisation given, ML.NET picks it from the data.</summary>
public sealed record SdcaMaximumEntropyCandidate(double? L2Regularization = null, double? L1Regularization = null, int? MaximumIterations = null)
    : TrainerCandidate
{
    public override string Trainer => "SdcaMaximumEntropy";

    public override IReadOnlyDictionary<string, double> Parameters
    {
        get
        {
            var p = new SortedDictionary<string, double>(StringComparer.Ordinal);
            if (L2Regularization is { } l2) p["l2"] = l2;
            if (L1Regularization is { } l1) p["l1"] = l1;
            if (MaximumIterations is { } it) p["maxIterations"] = it;
            return p;
        }
    }

    internal override IEstimator<ITransformer> Create(MLContext ml) =>
        ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = ModelColumns.LabelKey,
            FeatureColumnName = ModelColumns.Features,
            ExampleWeightColumnName = ModelColumns.Weight,
            L2Regularization = (float?)L2Regularization,
            L1Regularization = (float?)L1Regularization,
            MaximumNumberOfIterations = MaximumIterations,
            NumberOfThreads = 1,
        });
}

/// <summary>L-BFGS on the full data; ML.NET's defaults (L1 = L2 = 1) over-regularise sparse TF-IDF features.</summary>
public sealed record LbfgsMaximumEntropyCandidate(double L2Regularization, double L1Regularization = 0) : TrainerCandidate
{
    public override string Trainer => "LbfgsMaximumEntropy";

    public override IReadOnlyDictionary<string, double> Parameters =>
        new SortedDictionary<string, double>(StringComparer.Ordinal) { ["l1"] = L1Regularization, ["l2"] = L2Regularization };

    internal override IEstimator<ITransformer> Create(MLContext ml) =>
        ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = ModelColumns.LabelKey,
            FeatureColumnName = ModelColumns.Features,
            ExampleWeightColumnName = ModelColumns.Weight,
            L2Regularization = (float)L2Regularization,
            L1Regularization = (float)L1Regularization,
            NumberOfThreads = 1,
        });
}
