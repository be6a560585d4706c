using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Evaluation;
using ScanPipeline.Classification.Training;

namespace ScanPipeline.Classification.Models;

/// <summary>The trainer that produced the model and its hyper-parameters.</summary>
public sealed record TrainerSummary(string Name, string Trainer, IReadOnlyDictionary<string, double> Parameters);

/// <summary>A candidate's result on the validation split carved from the training data.</summary>
public sealed record CandidateScore(
    string Name, string Trainer, IReadOnlyDictionary<string, double> Parameters, double MacroF1, double Accuracy,
    double ExpectedCalibrationError, double TrainingSeconds);

/// <summary>
/// manifest.json beside model.zip: what the model is, how and from what it was made, and how well it did
/// on validation, and how its confidences are calibrated and out-of-domain documents recognised. A model is
/// only loaded when <see cref="FormatVersion"/> and <see cref="NormalizerVersion"/> match this build and
/// model.zip and the centroid file have the recorded hashes.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>
    /// Bump when the folder layout, the manifest or the model's input/output columns change.
    /// 2: confidence calibration (temperature) and out-of-domain detection (centroids.bin, threshold).
    /// </summary>
    public const int CurrentFormatVersion = 2;

    public const string FileName = "manifest.json";
    public const string ModelFileName = "model.zip";

    public required int FormatVersion { get; init; }
    public required string Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string MlNetVersion { get; init; }
    public required int NormalizerVersion { get; init; }
    public required FeaturizationSettings Featurization { get; init; }
    public required TrainerSummary Trainer { get; init; }
    public required int Seed { get; init; }
    public required double ValidationFraction { get; init; }

    /// <summary>Folds of the cross-validation that chose the trainer; null when one split of <see cref="ValidationFraction"/> did.</summary>
    public int? CrossValidationFolds { get; init; }
    public required bool BalanceClasses { get; init; }
    public required IReadOnlyList<CandidateScore> Candidates { get; init; }

    /// <summary>SHA-256 over the sorted "label, file hash" pairs of the training examples.</summary>
    public required string TrainingDataHash { get; init; }

    /// <summary>The labels in the model's score order.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    public required IReadOnlyDictionary<string, int> ExampleCounts { get; init; }

    /// <summary>The chosen trainer's metrics on the validation split, or its pooled out-of-fold predictions (before the refit on all training data).</summary>
    public required EvaluationReport Validation { get; init; }

    /// <summary>SHA-256 of model.zip: a damaged or swapped file is refused.</summary>
    public required string ModelSha256 { get; init; }

    /// <summary>How the confidences are calibrated (since format 2; null in older manifests, which this build does not load).</summary>
    public ConfidenceCalibration? Calibration { get; init; }

    /// <summary>How out-of-domain documents are recognised (since format 2; null in older manifests).</summary>
    public OutOfDomainDetection? OutOfDomain { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a manifest; throws <see cref="ModelLoadException"/> when it is missing or unreadable.</summary>
    public static ModelManifest Read(string path)
    {
        if (!File.Exists(path)) throw new ModelLoadException($"Model manifest not found: {path}");
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length > MaxManifestBytes) throw new ModelLoadException($"Model manifest is implausibly large ({stream.Length} bytes): {path}");
            return JsonSerializer.Deserialize<ModelManifest>(stream, JsonOptions)
                   ?? throw new ModelLoadException($"Model manifest is empty: {path}");
        }
        catch (JsonException ex)
        {
            throw new ModelLoadException($"Model manifest is not valid: {path}: {ex.Message}", ex);
        }
    }

    private const long MaxManifestBytes = 16L * 1024 * 1024;

    /// <summary>SHA-256 over the ordinal-sorted lines "label TAB content-hash": independent of file order and names.</summary>
    public static string ComputeTrainingDataHash(IEnumerable<LabeledText> examples)
    {
        var lines = examples.Select(e => e.Label + "\t" + e.ContentSha256).Order(StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines) sha.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
