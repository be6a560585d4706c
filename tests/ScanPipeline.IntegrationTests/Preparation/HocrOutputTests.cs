using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.IntegrationTests.Imaging;
using ScanPipeline.IntegrationTests.Infrastructure;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Stages;
using Xunit;

namespace ScanPipeline.IntegrationTests.Preparation;

/// <summary>The hOCR of a recognised document: one page element per page, every word with its box and confidence.</summary>
[Collection(ImagingCollection.Name)]
public sealed class HocrOutputTests(RecognizerFixture fixture) : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("scanpipe-hocr-").FullName;

    [RequiresTesseractFact]
    public async Task A_multipage_scan_gives_one_hocr_page_per_page_with_the_words_of_its_text()
    {
        var document = await fixture.Recognizer.RecognizeBytesAsync(File.ReadAllBytes(Repository.Path("samples/scans/05-rechnung-g4.tif")));

        var hocr = Hocr.Parse(document.Hocr!);
        Assert.StartsWith("tesseract 5", hocr.OcrSystem, StringComparison.Ordinal);
        Assert.Equal([0, 1, 2], hocr.Pages.Select(p => p.PageNumber));
        Assert.Equal(3, hocr.Pages.Select(p => p.Id).Distinct().Count());
        var allIds = hocr.Pages.SelectMany(p => p.Words).Select(w => w.Id).ToList();
        Assert.Equal(allIds.Count, allIds.Distinct().Count()); // ids are unique across the document
        for (var i = 0; i < 3; i++)
        {
            var page = hocr.Pages[i];
            Assert.Equal(new Hocr.Box(0, 0, 2480, 3508), page.Box);
            Assert.NotEmpty(page.Words);
            Assert.All(page.Words, w =>
            {
                Assert.True(page.Box!.Contains(w.Box), $"{w.Id} {w.Box} lies outside the page");
                Assert.InRange(w.Confidence, 0, 100);
            });
            // The hOCR words are the page's text, word for word.
            var words = string.Join(' ', page.Words.Select(w => w.Text));
            Assert.True(WordScore.Of(words, document.Pages[i].Text).F1 >= 0.99, $"page {i + 1}: hOCR words differ from the text");
        }
        Assert.Contains(hocr.Pages[0].Words, w => w.Text == "Rechnung" && w.Confidence > 80);
    }

    [RequiresTesseractFact]
    public async Task A_born_digital_pdf_has_no_hocr_because_nothing_was_ocred()
    {
        var document = await fixture.Recognizer.RecognizeBytesAsync(File.ReadAllBytes(Repository.Path("samples/scans/12-gewerbeanmeldung-digital.pdf")));

        Assert.All(document.Pages, p => Assert.True(p.FromTextLayer));
        Assert.Null(document.Hocr);
    }

    /// <summary>The OCR stage with the real recognizer: the hOCR is stored as a blob and its hash published with the text's.</summary>
    [RequiresTesseractFact]
    public async Task The_ocr_stage_stores_the_hocr_and_publishes_its_hash()
    {
        var blobs = new FileBlobStore(Path.Combine(_temp, "blobs"));
        var metadata = new MetadataStore(Path.Combine(_temp, "scanpipe.db"));
        var quarantine = new QuarantineWriter(new QuarantineStore(Path.Combine(_temp, "quarantine")), metadata, NullLogger<QuarantineWriter>.Instance);
        var publisher = new PublishedMessages();
        var stage = new OcrStage(blobs, fixture.Recognizer, quarantine, publisher, NullLogger<OcrStage>.Instance);
        var original = File.ReadAllBytes(Repository.Path("samples/scans/02-beschwerde-gray.jpg"));
        var sha = await blobs.PutAsync(original);
        var received = DateTimeOffset.Parse("2026-03-03T08:00:00Z");

        await stage.HandleAsync(new DocumentCaptured(Ids.DocumentId(sha, 0), Ids.BatchId(sha), "scanstrasse-1", sha,
            "02-beschwerde-gray.jpg", MediaTypes.Jpeg, 0, [1], received), default);

        var recognized = Assert.IsType<DocumentRecognized>(Assert.Single(publisher.Messages));
        Assert.Equal(DocumentRecognized.CurrentSchemaVersion, recognized.SchemaVersion);
        Assert.NotNull(recognized.HocrSha256);
        var hocr = Hocr.Parse(Encoding.UTF8.GetString(await blobs.GetAsync(recognized.HocrSha256)));
        var text = Encoding.UTF8.GetString(await blobs.GetAsync(recognized.TextSha256));
        Assert.True(WordScore.Of(string.Join(' ', hocr.Pages.Single().Words.Select(w => w.Text)), text).F1 >= 0.99);
        Assert.Contains(hocr.Pages.Single().Words, w => w.Text == "Beschwerde");
    }

    /// <summary>Stands in for the broker: this test is about what the stage stores and publishes, not about delivery.</summary>
    private sealed class PublishedMessages : IMessagePublisher
    {
        public List<object> Messages { get; } = [];

        public Task PublishAsync<T>(T message, CancellationToken ct) where T : IMessage
        {
            lock (Messages) Messages.Add(message);
            return Task.CompletedTask;
        }

        public Task PublishRoutedAsync(DocumentRouted message, CancellationToken ct) => PublishAsync(message, ct);
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
