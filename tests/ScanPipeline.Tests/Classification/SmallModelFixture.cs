using ScanPipeline.Tests.Infrastructure;
using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Models;
using ScanPipeline.Classification.Training;
using Xunit;

namespace ScanPipeline.Tests.Classification;

/// <summary>
/// One small model, trained once for all classification tests: 15 real news articles (10kGNAD) of each
/// of three labels, two trainer candidates. Saved once into a folder the tests copy from.
/// </summary>
public sealed class SmallModelFixture : IAsyncLifetime
{
    public static readonly string[] Labels = ["Sport", "Web", "Wirtschaft"];

    public static readonly TrainingSettings Settings = new()
    {
        Candidates = [new LbfgsMaximumEntropyCandidate(L2Regularization: 0.01), new SdcaMaximumEntropyCandidate()],
    };

    private readonly TempDirectory _dir = new();

    public IReadOnlyList<LabeledText> Train { get; private set; } = [];
    public IReadOnlyList<LabeledText> Dev { get; private set; } = [];
    public TrainedModel Model { get; private set; } = null!;

    /// <summary>A clearly worse model with the same labels: trained on only three articles per label.</summary>
    public TrainedModel WeakModel { get; private set; } = null!;
    public List<string> TrainingProgress { get; } = [];

    /// <summary>A folder holding the saved model (model.zip + manifest.json). Copy it before changing anything.</summary>
    public string SavedModelDirectory => _dir.Combine("saved");

    public async Task InitializeAsync()
    {
        Train = await ClassificationTestData.TenKGnadAsync("train", Labels, perLabel: 15);
        Dev = await ClassificationTestData.TenKGnadAsync("dev", Labels);
        Model = ModelTrainer.Train(Train, Settings, new SyncProgress<string>(TrainingProgress.Add));
        Model.SaveTo(SavedModelDirectory);
        WeakModel = ModelTrainer.Train(
            Train.GroupBy(e => e.Label).SelectMany(g => g.Take(3)).ToList(),
            Settings with { Candidates = [new LbfgsMaximumEntropyCandidate(L2Regularization: 0.01)] });
        WeakModel.SaveTo(_dir.Combine("weak"));
    }

    public Task DisposeAsync()
    {
        Model.Dispose();
        WeakModel.Dispose();
        _dir.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Copies the saved model into <paramref name="modelsDirectory"/>/&lt;folderName ?? version&gt;.</summary>
    public string CopySavedModel(string modelsDirectory, string? folderName = null) =>
        CopyModel(SavedModelDirectory, Path.Combine(modelsDirectory, folderName ?? Model.Version));

    /// <summary>Copies the weak model into <paramref name="modelsDirectory"/>/&lt;its version&gt;.</summary>
    public string CopyWeakModel(string modelsDirectory) => CopyModel(_dir.Combine("weak"), Path.Combine(modelsDirectory, WeakModel.Version));

    private static string CopyModel(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }
}

[CollectionDefinition(Name)]
public sealed class SmallModelCollection : ICollectionFixture<SmallModelFixture>
{
    public const string Name = "Classification small model";
}
