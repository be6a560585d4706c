using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScanPipeline.Core.Classification;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Storage;
using ScanPipeline.Tests.Infrastructure;
using ScanPipeline.Worker.Stages;

namespace ScanPipeline.Tests.Worker;

public sealed class ClassifyAndDeliverStageTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-03-03T08:00:10Z"));
    private readonly RecordingPublisher _publisher = new();
    private readonly FileBlobStore _blobs;
    private readonly MetadataStore _metadata;
    private readonly EFileStore _efiles;

    private static readonly RoutingRules Rules = new()
    {
        DefaultMinConfidence = 0.6,
        Departments = [new Department("63", "Bauordnungsamt"), new Department("30", "Rechtsamt")],
        Rules = [new RoutingRule("Bauantrag", "63"), new RoutingRule("Widerspruch", "30", MinConfidence: 0.8)],
    };

    public ClassifyAndDeliverStageTests()
    {
        _blobs = new FileBlobStore(_temp.Sub("blobs"));
        _metadata = new MetadataStore(Path.Combine(_temp.Path, "scanpipe.db"));
        _efiles = new EFileStore(_temp.Sub("efile"));
    }

    /// <summary>A classifier that answers what the test says: the stage's routing logic is what is tested here.</summary>
    private sealed class FixedClassifier(Prediction? prediction) : IDocumentClassifier
    {
        public string? LastText { get; private set; }
        public Prediction? Predict(string text) { LastText = text; return prediction; }
    }

    private async Task<DocumentRecognized> RecognizedAsync(string text)
    {
        var original = await _blobs.PutAsync(TestFiles.Png);
        var textSha = await _blobs.PutAsync(Encoding.UTF8.GetBytes(text));
        return new DocumentRecognized(Ids.DocumentId(original, 0), Ids.BatchId(original), "scanstrasse-1", original,
            "antrag.png", MediaTypes.Png, [1], textSha, PdfSha256: null, MeanOcrConfidence: 91, PagesFromTextLayer: 0,
            ReceivedAt: DateTimeOffset.Parse("2026-03-03T08:00:00Z"), OcrSeconds: 1.2);
    }

    private async Task<DocumentRouted> ClassifyAsync(Prediction? prediction, string text = "Bauantrag für ein Einfamilienhaus")
    {
        var classifier = new FixedClassifier(prediction);
        var stage = new ClassifyStage(_blobs, classifier, Rules, _publisher, _clock, NullLogger<ClassifyStage>.Instance);
        await stage.HandleAsync(await RecognizedAsync(text), default);
        Assert.Equal(text, classifier.LastText);
        return Assert.Single(_publisher.Routed);
    }

    private static Prediction Predict(string type, double confidence) =>
        new(type, confidence, [new ClassScore(type, confidence)], "2026-11-25-test");

    [Fact]
    public async Task A_confident_prediction_goes_to_the_department_of_its_rule()
    {
        var routed = await ClassifyAsync(Predict("Bauantrag", 0.93));
        Assert.Equal("63", routed.Target);
        Assert.Equal("rule", routed.RoutingReason);
        Assert.Equal("Bauantrag", routed.DocumentType);
        Assert.Equal("2026-11-25-test", routed.ModelVersion);
        Assert.Equal(10, routed.ProcessingSeconds, precision: 3);
    }

    [Theory]
    [InlineData("Bauantrag", 0.55, "low-confidence")]    // below the default threshold
    [InlineData("Widerspruch", 0.75, "low-confidence")]  // below the rule's own, stricter threshold
    [InlineData("Hundesteuer-Anmeldung", 0.99, "no-rule")]
    public async Task An_uncertain_or_unroutable_prediction_goes_to_verification(string type, double confidence, string reason)
    {
        var routed = await ClassifyAsync(Predict(type, confidence));
        Assert.Equal(Routing.VerificationTarget, routed.Target);
        Assert.Equal(reason, routed.RoutingReason);
    }

    [Fact]
    public async Task Without_a_usable_model_the_document_goes_to_verification()
    {
        var routed = await ClassifyAsync(null);
        Assert.Equal(Routing.VerificationTarget, routed.Target);
        Assert.Equal("no-model", routed.RoutingReason);
        Assert.Equal(ClassifyStage.UnknownType, routed.DocumentType);
    }

    [Fact]
    public async Task A_document_without_text_goes_to_verification_without_asking_the_model()
    {
        var classifier = new FixedClassifier(Predict("Bauantrag", 0.99));
        var stage = new ClassifyStage(_blobs, classifier, Rules, _publisher, _clock, NullLogger<ClassifyStage>.Instance);
        await stage.HandleAsync(await RecognizedAsync(" \f \n"), default);
        var routed = Assert.Single(_publisher.Routed);
        Assert.Equal(Routing.VerificationTarget, routed.Target);
        Assert.Equal(ClassifyStage.NoTextReason, routed.RoutingReason);
        Assert.Null(classifier.LastText);
    }

    [Fact]
    public async Task Delivery_files_an_immutable_e_file_record_and_an_inbox_item_once()
    {
        var routed = await ClassifyAsync(Predict("Bauantrag", 0.93));
        _metadata.RecordBatchReceived(new BatchRecord(routed.BatchId, routed.ScannerLine, routed.OriginalSha256, "antrag.png",
            MediaTypes.Png, TestFiles.Png.Length, routed.ReceivedAt, BatchStatus.Received));
        _metadata.RecordBatchSplit(routed.BatchId, pagesIn: 2, pagesInDocuments: 1, pagesRemoved: 1, documentCount: 1);
        var deliver = new DeliverStage(_blobs, _efiles, _metadata, _clock, NullLogger<DeliverStage>.Instance);

        await deliver.HandleAsync(routed, default);
        var metadataFile = Path.Combine(_efiles.PathFor(routed.DocumentId), "metadata.json");
        var firstWrite = File.ReadAllBytes(metadataFile);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await deliver.HandleAsync(routed, default);              // a redelivery changes nothing

        Assert.Equal(firstWrite, File.ReadAllBytes(metadataFile));
        var item = Assert.Single(_metadata.ListInbox("63"));
        Assert.Equal(routed.DocumentId, item.DocumentId);
        Assert.Equal("Bauantrag", item.DocumentType);
        Assert.Equal(0.93, item.Confidence, precision: 6);

        var record = _efiles.ReadMetadata(routed.DocumentId)!;
        Assert.Equal(["original.png", "text.txt"], record.Artifacts.Select(a => a.FileName).Order().ToArray());
        Assert.Equal(Ids.Sha256Hex(TestFiles.Png), record.Artifacts.Single(a => a.FileName == "original.png").Sha256);
        Assert.Empty(_efiles.Verify(routed.DocumentId));
        Assert.Equal(2, record.TransferNote.PagesScanned);
        Assert.Equal(1, record.TransferNote.PagesRemoved);
        Assert.Equal(record.TransferNote.PagesScanned, record.TransferNote.PagesInDocument + record.TransferNote.PagesRemoved);
    }

    private const string LetterWithFields = """
        Erika Mustermann
        Lindenallee 7
        42105 Wuppertal

        Stadt Wuppertal
        Bauordnungsamt

        Wuppertal, 3. März 2026
        Ihr Zeichen: 63-12/2026-0147
        Bauantrag für ein Einfamilienhaus

        Bitte überweisen Sie Erstattungen auf DE89 3704 0044 0532 0130 00.
        Rückfragen gern an erika.mustermann@example.org.
        """;

    [Fact]
    public async Task Key_fields_travel_with_the_document_and_a_known_reference_links_it_to_its_e_file()
    {
        _metadata.RegisterCaseFile(new CaseFile("63-12 / 2026-0147", "63", "Bauvorhaben Lindenallee 7", _clock.GetUtcNow()));
        var routed = await ClassifyAsync(Predict("Bauantrag", 0.93), LetterWithFields);

        var fields = routed.Fields!;
        Assert.Contains("63-12/2026-0147", fields.FileReferences);
        Assert.Equal(["DE89370400440532013000"], fields.Ibans);
        Assert.Contains(fields.Dates, d => d.Date == new DateOnly(2026, 3, 3));
        Assert.Equal(["erika.mustermann@example.org"], fields.Emails);

        var deliver = new DeliverStage(_blobs, _efiles, _metadata, _clock, NullLogger<DeliverStage>.Instance);
        await deliver.HandleAsync(routed, default);
        await deliver.HandleAsync(routed, default);

        var record = _efiles.ReadMetadata(routed.DocumentId)!;
        Assert.Equal(EFileMetadata.CurrentFormatVersion, record.FormatVersion);
        Assert.Equal("63-12 / 2026-0147", record.CaseFileReference);
        Assert.Equal(fields.Ibans, record.Fields!.Ibans);
        Assert.Equal([routed.DocumentId], _metadata.ListDocumentsOfCaseFile("63-12/2026-0147"));
        var stored = _metadata.FindDocumentFields(routed.DocumentId)!.Value;
        Assert.Equal("63-12 / 2026-0147", stored.CaseFileReference);
        Assert.Contains("DE89370400440532013000", stored.FieldsJson);
    }

    [Fact]
    public async Task A_reference_no_e_file_is_registered_for_links_nothing()
    {
        _metadata.RegisterCaseFile(new CaseFile("30-1/2025-0001", "30", "Widerspruch Meier", _clock.GetUtcNow()));
        var routed = await ClassifyAsync(Predict("Bauantrag", 0.93), LetterWithFields);
        await new DeliverStage(_blobs, _efiles, _metadata, _clock, NullLogger<DeliverStage>.Instance).HandleAsync(routed, default);

        Assert.Null(_efiles.ReadMetadata(routed.DocumentId)!.CaseFileReference);
        Assert.Empty(_metadata.ListDocumentsOfCaseFile("30-1/2025-0001"));
    }

    [Fact]
    public async Task A_tampered_e_file_artifact_is_found_by_verify()
    {
        var routed = await ClassifyAsync(Predict("Bauantrag", 0.93));
        await new DeliverStage(_blobs, _efiles, _metadata, _clock, NullLogger<DeliverStage>.Instance).HandleAsync(routed, default);
        File.AppendAllText(Path.Combine(_efiles.PathFor(routed.DocumentId), "text.txt"), "manipuliert");
        Assert.Equal(["text.txt"], _efiles.Verify(routed.DocumentId));
    }

    public void Dispose() => _temp.Dispose();
}
