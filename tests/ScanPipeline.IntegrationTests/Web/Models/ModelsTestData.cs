using System.Net;
using System.Text.RegularExpressions;
using ScanPipeline.Classification.Data;
using ScanPipeline.Classification.Models;
using ScanPipeline.Classification.Training;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Models;

/// <summary>
/// What the models-page tests share: the shipped model's version, a private copy of the repository's models
/// folder for tests that change it, tiny training folders, and one deliberately weak model trained once.
/// </summary>
public static partial class ModelsTestData
{
    /// <summary>The model shipped in models/ (and active there).</summary>
    public static string ShippedVersion => new ModelRegistry(Repository.Path("models")).GetActiveVersion()!;

    /// <summary>
    /// Copies the repository's models folder into the host's data directory and points the host at it, and at
    /// the repository's held-out test letters for the promotion gate. Call before the host's first request.
    /// </summary>
    public static string UseCopyOfModels(WebTestHost host)
    {
        var target = Path.Combine(host.DataDirectory, "models");
        CopyDirectory(Repository.Path("models"), target);
        host.Settings["Classification:ModelsDirectory"] = target;
        host.Settings["Classification:HeldOutDirectory"] = Repository.Path("samples/training/test");
        return target;
    }

    /// <summary>The first <paramref name="perType"/> training letters of each of <paramref name="types"/>, copied into a new folder.</summary>
    public static string TrainingSubset(string directory, int perType, params string[] types)
    {
        foreach (var type in types)
        {
            var target = Directory.CreateDirectory(Path.Combine(directory, type)).FullName;
            foreach (var file in Directory.GetFiles(Repository.Path(Path.Combine("samples/training/train", type))).Order(StringComparer.Ordinal).Take(perType))
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        return directory;
    }

    public static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(source)) CopyDirectory(dir, Path.Combine(target, Path.GetFileName(dir)));
    }

    public static string ActivePointer(string modelsDirectory) =>
        File.ReadAllText(Path.Combine(modelsDirectory, ModelRegistry.ActivePointerFileName));

    /// <summary>The page's flash message or error, HTML-decoded.</summary>
    public static string? Notice(string page) => NoticePattern().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public static string? Error(string page) => ErrorPattern().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("<p class=\"notice\" role=\"status\">([^<]*)</p>")]
    private static partial Regex NoticePattern();

    [GeneratedRegex("<p class=\"error\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex ErrorPattern();
}

/// <summary>
/// A model clearly worse than the shipped one on the held-out letters: it knows only three of the twelve document
/// types (three letters each), so every letter of the other nine is misread. Trained once, in about a second.
/// </summary>
public sealed class WeakModelFixture : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "scanpipe-weak-model-" + Guid.NewGuid().ToString("N")[..12]);

    public WeakModelFixture()
    {
        var data = ModelsTestData.TrainingSubset(Path.Combine(_directory, "data"), 3, "Bauantrag", "Rechnung", "Widerspruch");
        var examples = LabeledFolder.LoadTextFilesAsync(data).GetAwaiter().GetResult().Examples;
        var settings = new TrainingSettings { Candidates = [new LbfgsMaximumEntropyCandidate(L2Regularization: 0.01)], CrossValidationFolds = 0 };
        using var model = ModelTrainer.Train(examples, settings);
        Version = model.Version;
        new ModelRegistry(Path.Combine(_directory, "models")).Store(model);
    }

    public string Version { get; }

    /// <summary>Copies the weak model's version folder into <paramref name="modelsDirectory"/>.</summary>
    public void CopyInto(string modelsDirectory) =>
        ModelsTestData.CopyDirectory(Path.Combine(_directory, "models", Version), Path.Combine(modelsDirectory, Version));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
