using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Ocr;
using ScanPipeline.Imaging;
using ScanPipeline.Imaging.Ocr;
using ScanPipeline.IntegrationTests.Infrastructure;
using Xunit;

namespace ScanPipeline.IntegrationTests.Imaging;

/// <summary>One recognizer with default options, shared by the imaging tests (engines are costly to start).</summary>
public sealed class RecognizerFixture : IDisposable
{
    public TesseractRecognizer Recognizer { get; } = Create(new ImagingOptions { EngineThreads = 2 });

    public static TesseractRecognizer Create(ImagingOptions options) =>
        new(Options.Create(options), NullLogger<TesseractRecognizer>.Instance);

    public void Dispose() => Recognizer.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ImagingCollection : ICollectionFixture<RecognizerFixture>
{
    public const string Name = "Imaging";
}

internal static class RecognizerExtensions
{
    /// <summary>Recognises a file of the shared test data; its media type comes from its content.</summary>
    public static Task<RecognizedDocument> RecognizeFileAsync(this IDocumentRecognizer recognizer, string relativePath,
        bool makeSearchablePdf = false, IReadOnlyList<int>? pages = null)
    {
        var bytes = TestData.Read(relativePath);
        return recognizer.RecognizeBytesAsync(bytes, makeSearchablePdf, pages);
    }

    public static Task<RecognizedDocument> RecognizeBytesAsync(this IDocumentRecognizer recognizer, byte[] bytes,
        bool makeSearchablePdf = false, IReadOnlyList<int>? pages = null) =>
        recognizer.RecognizeAsync(bytes, MediaTypes.Sniff(bytes) ?? "application/octet-stream", pages, makeSearchablePdf, CancellationToken.None);
}
