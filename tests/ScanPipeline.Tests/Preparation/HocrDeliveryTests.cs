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
using Xunit;

namespace ScanPipeline.Tests.Preparation;

/// <summary>The hOCR blob travels by hash from OCR through classification into the e-file record.</summary>
public sealed class HocrDeliveryTests : IDisposable
{
    private const string Hocr = "<html><body><div class='ocr_page' id='page_1'><span class='ocrx_word' title='bbox 1 2 3 4; x_wconf 91'>Bauantrag</span></div></body></html>";

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-03-03T08:00:10Z"));
    private readonly RecordingPublisher _publisher = new();
    private readonly FileBlobStore _blobs;
    private readonly MetadataStore _metadata;
    private readonly EFileStore _efiles;

    public HocrDeliveryTests()
    {
        _blobs = new FileBlobStore(_temp.Sub("blobs"));
        _metadata = new MetadataStore(Path.Combine(_temp.Path, "scanpipe.db"));
        _efiles = new EFileStore(_temp.Sub("efile"));
    }

    private sealed class BauantragClassifier : IDocumentClassifier
    {
        public Prediction Predict(string text) => new("Bauantrag", 0.95, [new ClassScore("Bauantrag", 0.95)], "2026-11-25-test");
    }

    private async Task<DocumentRouted> ClassifyAsync(bool withHocr, int schemaVersion)
    {
        var original = await _blobs.PutAsync(TestFiles.Png);
        var textSha = await _blobs.PutAsync("Bauantrag für ein Einfamilienhaus"u8.ToArray());
        var hocrSha = withHocr ? await _blobs.PutAsync(Encoding.UTF8.GetBytes(Hocr)) : null;
        var recognized = new DocumentRecognized(Ids.DocumentId(original, 0), Ids.BatchId(original), "scanstrasse-1", original,
            "antrag.png", MediaTypes.Png, [1], textSha, PdfSha256: null, MeanOcrConfidence: 91, PagesFromTextLayer: 0,
            ReceivedAt: DateTimeOffset.Parse("2026-03-03T08:00:00Z"), OcrSeconds: 1.2, hocrSha, schemaVersion);
        var rules = new RoutingRules { Departments = [new Department("63", "Bauordnungsamt")], Rules = [new RoutingRule("Bauantrag", "63")] };
        await new ClassifyStage(_blobs, new BauantragClassifier(), rules, _publisher, _clock, NullLogger<ClassifyStage>.Instance)
            .HandleAsync(recognized, default);
        return Assert.Single(_publisher.Routed);
    }

    [Fact]
    public async Task The_hocr_is_passed_on_by_classification_and_filed_with_its_hash()
    {
        var routed = await ClassifyAsync(withHocr: true, DocumentRecognized.CurrentSchemaVersion);
        Assert.Equal(Ids.Sha256Hex(Encoding.UTF8.GetBytes(Hocr)), routed.HocrSha256);
        Assert.Equal(DocumentRouted.CurrentSchemaVersion, routed.SchemaVersion);

        await new DeliverStage(_blobs, _efiles, _metadata, _clock, NullLogger<DeliverStage>.Instance).HandleAsync(routed, default);

        var record = _efiles.ReadMetadata(routed.DocumentId)!;
        var hocr = Assert.Single(record.Artifacts, a => a.FileName == "document.hocr");
        Assert.Equal(routed.HocrSha256, hocr.Sha256);
        Assert.Equal(Hocr, File.ReadAllText(Path.Combine(_efiles.PathFor(routed.DocumentId), "document.hocr")));
        Assert.Empty(_efiles.Verify(routed.DocumentId));
    }

    [Fact]
    public async Task A_document_recognised_before_the_upgrade_is_filed_without_hocr()
    {
        var routed = await ClassifyAsync(withHocr: false, schemaVersion: 1);
        Assert.Null(routed.HocrSha256);

        await new DeliverStage(_blobs, _efiles, _metadata, _clock, NullLogger<DeliverStage>.Instance).HandleAsync(routed, default);

        var record = _efiles.ReadMetadata(routed.DocumentId)!;
        Assert.Equal(["original.png", "text.txt"], record.Artifacts.Select(a => a.FileName).Order().ToArray());
    }

    public void Dispose() => _temp.Dispose();
}
