namespace ScanPipeline.Core.Documents;

/// <summary>
/// A failure that retrying cannot fix (corrupt file, over a limit, unknown format). It ends in quarantine
/// or the dead-letter queue with <see cref="ReasonCode"/>, never in a retry loop.
/// </summary>
public class PermanentProcessingException(string reasonCode, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>A failure that may pass (store unavailable, disk full, broker hiccup): retried with back-off.</summary>
public class TransientProcessingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A store (blob files, e-file store, metadata database, quarantine) cannot be read or written right now: a
/// full disk, a missing mount, a locked database. Retrying soon would fail alike, so the consumer keeps the
/// message unacknowledged and pauses until the store is back, instead of spending the message's retries.
/// </summary>
public class StoreUnavailableException(string message, Exception? inner = null) : TransientProcessingException(message, inner);

/// <summary>Stable reason codes for quarantine and dead-lettering. Operators see a German text for each.</summary>
public static class ReasonCodes
{
    public const string UnknownFormat = "unknown-format";
    public const string EmptyFile = "empty-file";
    public const string FileTooLarge = "file-too-large";
    public const string TooManyPages = "too-many-pages";
    public const string TooManyPixels = "too-many-pixels";
    public const string CorruptFile = "corrupt-file";
    public const string Encrypted = "encrypted";
    public const string NoPages = "no-pages";
    /// <summary>Every page of a batch was blank or a separator sheet, so no document is left (fed face down?).</summary>
    public const string NoDocuments = "no-documents";
    public const string Timeout = "timeout";
    public const string OcrFailed = "ocr-failed";
    public const string UnsupportedSchema = "unsupported-schema";
    public const string InvalidMessage = "invalid-message";
    public const string DeliveryLimit = "delivery-limit";
}
