namespace ScanPipeline.Core.Messages;

/// <summary>
/// Stable message names. Routing and deserialisation go by these names and never by CLR type names,
/// so a class can be renamed without breaking a queue that still holds old messages.
/// </summary>
public static class MessageNames
{
    public const string BatchReceived = "scanpipe.batch.received";
    public const string DocumentCaptured = "scanpipe.document.captured";
    public const string DocumentRecognized = "scanpipe.document.recognized";
    public const string DocumentRouted = "scanpipe.document.routed";
}

/// <summary>Every contract carries its schema version; consumers refuse versions they do not know.</summary>
public interface IMessage
{
    static abstract string Name { get; }
    int SchemaVersion { get; }
}

/// <summary>A scanner-line file was stored immutably in the blob store.</summary>
public sealed record BatchReceived(
    string BatchId,
    string ScannerLine,
    string OriginalSha256,
    string OriginalFileName,
    string MediaType,
    long SizeBytes,
    DateTimeOffset ReceivedAt,
    int SchemaVersion = 1) : IMessage
{
    public static string Name => MessageNames.BatchReceived;
}

/// <summary>A document was cut out of a batch. Pages refer to the batch original, never carry pixels.</summary>
public sealed record DocumentCaptured(
    string DocumentId,
    string BatchId,
    string ScannerLine,
    string OriginalSha256,
    string OriginalFileName,
    string MediaType,
    int DocumentIndex,
    IReadOnlyList<int> PageNumbers,
    DateTimeOffset ReceivedAt,
    int SchemaVersion = 1) : IMessage
{
    public static string Name => MessageNames.DocumentCaptured;
}

/// <summary>
/// Text, searchable PDF and hOCR (word boxes and confidences) of a document are in the blob store.
/// Schema 2 added <see cref="HocrSha256"/>; a schema-1 message still reads, with no hOCR.
/// </summary>
public sealed record DocumentRecognized(
    string DocumentId,
    string BatchId,
    string ScannerLine,
    string OriginalSha256,
    string OriginalFileName,
    string MediaType,
    IReadOnlyList<int> PageNumbers,
    string TextSha256,
    string? PdfSha256,
    double MeanOcrConfidence,
    int PagesFromTextLayer,
    DateTimeOffset ReceivedAt,
    double OcrSeconds,
    string? HocrSha256 = null,
    int SchemaVersion = DocumentRecognized.CurrentSchemaVersion) : IMessage
{
    public const int CurrentSchemaVersion = 2;

    public static string Name => MessageNames.DocumentRecognized;

    public int PageCount => PageNumbers.Count;
}

/// <summary>
/// The classifier decided. Department is a department code or <see cref="Routing.VerificationTarget"/>.
/// Schema 2 added <see cref="HocrSha256"/>; schema 3 added <see cref="Fields"/>, the key fields read from
/// the text. Older messages still read, with no hOCR and no fields.
/// </summary>
public sealed record DocumentRouted(
    string DocumentId,
    string BatchId,
    string ScannerLine,
    string OriginalSha256,
    string OriginalFileName,
    string MediaType,
    IReadOnlyList<int> PageNumbers,
    string TextSha256,
    string? PdfSha256,
    string DocumentType,
    double Confidence,
    string Target,
    string RoutingReason,
    string ModelVersion,
    double MeanOcrConfidence,
    int PagesFromTextLayer,
    DateTimeOffset ReceivedAt,
    double ProcessingSeconds,
    string? HocrSha256 = null,
    Classification.DocumentFields? Fields = null,
    IReadOnlyList<Classification.ClassScore>? TopScores = null,
    int SchemaVersion = DocumentRouted.CurrentSchemaVersion) : IMessage
{
    /// <summary>4 added <see cref="TopScores"/>: the model's three best types, which the verification station shows.</summary>
    public const int CurrentSchemaVersion = 4;

    public static string Name => MessageNames.DocumentRouted;

    public int PageCount => PageNumbers.Count;
}

public static class Routing
{
    /// <summary>Target of documents that need an operator's decision (Klärfall).</summary>
    public const string VerificationTarget = "verification";
}
