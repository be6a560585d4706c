using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScanPipeline.Classification;
using ScanPipeline.Classification.Models;
using ScanPipeline.Core.Classification;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Storage;
using ScanPipeline.Tests.Infrastructure;
using ScanPipeline.Worker.Stages;
using Xunit;

namespace ScanPipeline.Tests.Classification;

/// <summary>
/// A running classifier follows models/active.json: promotion, rollback and a broken model, while
/// documents keep flowing through the classify stage.
/// </summary>
[Collection(SmallModelCollection.Name)]
public sealed class ModelHotReloadTests(SmallModelFixture fixture) : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ListLogger<ModelClassifier> _log = new();

    public void Dispose() => _temp.Dispose();

    private string ModelsDirectory => _temp.Sub("models");

    private ModelRegistry RegistryWithBoth(string active)
    {
        fixture.CopySavedModel(ModelsDirectory);
        fixture.CopyWeakModel(ModelsDirectory);
        var registry = new ModelRegistry(ModelsDirectory);
        registry.Activate(active, "test");
        return registry;
    }

    private ModelClassifier Classifier(TimeSpan reloadInterval) =>
        new(Options.Create(new ClassificationOptions { ModelsDirectory = ModelsDirectory, ReloadInterval = reloadInterval }), _log);

    private static readonly RoutingRules Rules = new()
    {
        DefaultMinConfidence = 0.5,
        Departments = [new Department("S", "Sport"), new Department("N", "Netz"), new Department("W", "Wirtschaft")],
        Rules = [new RoutingRule("Sport", "S"), new RoutingRule("Web", "N"), new RoutingRule("Wirtschaft", "W")],
    };

    [Fact]
    public async Task Under_load_every_document_is_classified_once_by_one_whole_model_while_the_model_is_swapped()
    {
        var registry = RegistryWithBoth(fixture.Model.Version);
        using var classifier = Classifier(TimeSpan.Zero); // the test triggers the check, mid-stream
        var blobs = new FileBlobStore(_temp.Sub("blobs"));
        var publisher = new RecordingPublisher();
        var stage = new ClassifyStage(blobs, classifier, Rules, publisher, TimeProvider.System, NullLogger<ClassifyStage>.Instance);

        // What each model alone says about each text: the reference every routed document is checked against.
        var texts = fixture.Dev.Select(e => e.Text).ToList();
        var reference = new Dictionary<string, Dictionary<string, Prediction>>
        {
            [fixture.Model.Version] = texts.Distinct().ToDictionary(t => t, t => Answer(fixture.Model, t)),
            [fixture.WeakModel.Version] = texts.Distinct().ToDictionary(t => t, t => Answer(fixture.WeakModel, t)),
        };

        const int documentCount = 1200;
        var original = await blobs.PutAsync(TestFiles.Png);
        var documents = new ConcurrentQueue<(DocumentRecognized Document, string Text)>();
        for (var i = 0; i < documentCount; i++)
        {
            var text = texts[i % texts.Count];
            var textSha = await blobs.PutAsync(Encoding.UTF8.GetBytes(text));
            documents.Enqueue((new DocumentRecognized(Ids.DocumentId(original, i), Ids.BatchId(original), "scanstrasse-1", original,
                "brief.png", MediaTypes.Png, [1], textSha, PdfSha256: null, MeanOcrConfidence: 90, PagesFromTextLayer: 0,
                ReceivedAt: DateTimeOffset.UtcNow, OcrSeconds: 0.1), text));
        }
        var textOf = documents.ToDictionary(d => d.Document.DocumentId, d => d.Text);

        var handled = 0;
        var swapped = false;
        async Task Work()
        {
            while (documents.TryDequeue(out var item))
            {
                await stage.HandleAsync(item.Document, default);
                if (Interlocked.Increment(ref handled) == documentCount / 3)
                {
                    registry.Activate(fixture.WeakModel.Version, "test swap");
                    // Checked on this thread while the other workers keep classifying.
                    swapped = classifier.Reload();
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(Work)));

        Assert.True(swapped);
        Assert.Equal(fixture.WeakModel.Version, classifier.ModelVersion);
        var routed = publisher.Routed;
        Assert.Equal(documentCount, routed.Count);                                         // none lost
        Assert.Equal(documentCount, routed.Select(r => r.DocumentId).Distinct().Count());  // none twice
        var byVersion = routed.GroupBy(r => r.ModelVersion).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new[] { fixture.Model.Version, fixture.WeakModel.Version }.Order(StringComparer.Ordinal), byVersion.Keys.Order(StringComparer.Ordinal));
        Assert.True(byVersion[fixture.Model.Version] >= documentCount / 3 - 4, $"before the swap: {byVersion[fixture.Model.Version]}");
        foreach (var r in routed)
        {
            // Type, confidence and target are exactly what the model named in the message says alone: no mixing.
            var alone = reference[r.ModelVersion][textOf[r.DocumentId]];
            Assert.Equal(alone.DocumentType, r.DocumentType);
            Assert.Equal(alone.Confidence, r.Confidence, precision: 6);
            Assert.Equal(Rules.Decide(alone).Target, r.Target);
        }
    }

    [Fact]
    public async Task The_reload_timer_picks_up_a_promotion_and_a_rollback_without_a_restart()
    {
        var registry = RegistryWithBoth(fixture.Model.Version);
        using var classifier = Classifier(TimeSpan.FromMilliseconds(50));
        Assert.Equal(fixture.Model.Version, classifier.ModelVersion);

        registry.Activate(fixture.WeakModel.Version, "promote");
        await WaitForAsync(() => classifier.ModelVersion == fixture.WeakModel.Version);
        Assert.Equal(fixture.WeakModel.Version, classifier.Predict(fixture.Dev[0].Text)!.ModelVersion);

        registry.Rollback();
        await WaitForAsync(() => classifier.ModelVersion == fixture.Model.Version);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("switched", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_corrupt_model_named_by_the_pointer_is_refused_and_documents_go_to_verification_until_a_good_one_is_active()
    {
        var registry = RegistryWithBoth(fixture.Model.Version);
        using var classifier = Classifier(TimeSpan.FromMilliseconds(50));
        Assert.True(classifier.HasModel);

        // An admin copies a damaged model.zip into place and points at it by hand (promote would refuse it).
        var broken = "2026-01-05-broken";
        ManifestEditing.MakeVersion(fixture.CopySavedModel(ModelsDirectory, broken), broken, DateTimeOffset.Parse("2026-01-05T08:00:00Z"));
        var zip = Path.Combine(ModelsDirectory, broken, ModelManifest.ModelFileName);
        var bytes = File.ReadAllBytes(zip);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(zip, bytes);
        File.WriteAllText(Path.Combine(ModelsDirectory, ModelRegistry.ActivePointerFileName),
            $$"""{"version":"{{broken}}","activatedAt":"2026-01-05T08:00:00Z"}""");

        await WaitForAsync(() => !classifier.HasModel);
        Assert.Null(classifier.Predict(fixture.Dev[0].Text));
        var blobs = new FileBlobStore(_temp.Sub("blobs"));
        var publisher = new RecordingPublisher();
        var stage = new ClassifyStage(blobs, classifier, Rules, publisher, TimeProvider.System, NullLogger<ClassifyStage>.Instance);
        var original = await blobs.PutAsync(TestFiles.Png);
        var textSha = await blobs.PutAsync(Encoding.UTF8.GetBytes(fixture.Dev[0].Text));
        await stage.HandleAsync(new DocumentRecognized(Ids.DocumentId(original, 0), Ids.BatchId(original), "scanstrasse-1", original,
            "brief.png", MediaTypes.Png, [1], textSha, null, 90, 0, DateTimeOffset.UtcNow, 0.1), default);
        var routed = Assert.Single(publisher.Routed);
        Assert.Equal(Routing.VerificationTarget, routed.Target);
        Assert.Equal("no-model", routed.RoutingReason);
        var error = Assert.Single(_log.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("does not match the hash", error.Message, StringComparison.Ordinal);

        // Refused once, not at every tick; an admin's promotion of a good model ends the fallback.
        await Task.Delay(300);
        Assert.Single(_log.Entries, e => e.Level == LogLevel.Error);
        registry.Activate(fixture.Model.Version, "repair");
        await WaitForAsync(() => classifier.ModelVersion == fixture.Model.Version);
    }

    private static Prediction Answer(TrainedModel model, string text) => model.Predict(text)!;

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The classifier did not follow the pointer within 20 s.");
            await Task.Delay(20);
        }
    }
}
