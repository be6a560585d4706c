using Microsoft.Extensions.Logging;
using ScanPipeline.Core.Documents;
using ScanPipeline.Storage;
using ScanPipeline.Worker.Resources;

namespace ScanPipeline.Worker.Stages;

/// <summary>
/// Puts a stored batch original into quarantine with its reason and marks the batch; when only one document of
/// the batch failed, that document is marked too, so the batch's other documents are still followed.
/// </summary>
public sealed class QuarantineWriter(QuarantineStore quarantine, MetadataStore metadata, ILogger<QuarantineWriter> logger)
{
    public QuarantineReason Quarantine(ReadOnlySpan<byte> original, PermanentProcessingException error,
        string sourceFile, string scannerLine, string? batchId, string? documentId = null)
    {
        var record = quarantine.Add(original, error.ReasonCode, ReasonTexts.ForReason(error.ReasonCode), error.Message,
            sourceFile, scannerLine, batchId);
        if (batchId is not null) metadata.RecordBatchQuarantined(batchId, error.ReasonCode, error.Message);
        if (batchId is not null && documentId is not null) metadata.RecordDocumentQuarantined(documentId, batchId, error.ReasonCode, error.Message);
        logger.LogWarning("Quarantined {File} from line {Line} as {Id}: {Reason} ({Detail})",
            record.SourceFile, scannerLine, record.Id, error.ReasonCode, error.Message);
        return record;
    }
}
