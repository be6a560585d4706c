using System.Text;
using Microsoft.Extensions.Logging;
using ScanPipeline.Classification.Extraction;
using ScanPipeline.Core.Classification;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Messages;
using ScanPipeline.Core.Storage;

namespace ScanPipeline.Worker.Stages;

/// <summary>
/// Predicts the document type, reads the key fields (<see cref="FieldExtractor"/>) and applies the routing rules. A missing or unusable model, an unknown
/// type or a low confidence all send the document to verification; none of them fails the message.
/// <paramref name="rules"/> are the rules in force when the message arrived: the stage is resolved per delivery, and
/// the host resolves <see cref="RoutingRules"/> from <see cref="Configuration.RoutingRulesFile"/> each time, so an edited
/// rules file applies from the next document on, without a restart.
/// </summary>
public sealed class ClassifyStage(
    IBlobStore blobs, IDocumentClassifier classifier, RoutingRules rules, IMessagePublisher publisher,
    TimeProvider clock, ILogger<ClassifyStage> logger) : IMessageHandler<DocumentRecognized>
{
    public const string UnknownType = "Unbekannt";
    public const string NoTextReason = "no-text";

    public async Task HandleAsync(DocumentRecognized document, CancellationToken ct)
    {
        var text = Encoding.UTF8.GetString(await blobs.GetAsync(document.TextSha256, ct));
        // A page without recognised text (blank, or a photo) needs a person, whatever a model would guess.
        var hasText = !string.IsNullOrWhiteSpace(text);
        var prediction = hasText ? classifier.Predict(text) : null;
        var (target, reason) = hasText
            ? rules.Decide(prediction)
            : (Routing.VerificationTarget, NoTextReason);
        var routed = new DocumentRouted(document.DocumentId, document.BatchId, document.ScannerLine, document.OriginalSha256,
            document.OriginalFileName, document.MediaType, document.PageNumbers, document.TextSha256, document.PdfSha256,
            prediction?.DocumentType ?? UnknownType, prediction?.Confidence ?? 0, target, reason,
            prediction?.ModelVersion ?? "none", document.MeanOcrConfidence, document.PagesFromTextLayer, document.ReceivedAt,
            (clock.GetUtcNow() - document.ReceivedAt).TotalSeconds, document.HocrSha256, FieldExtractor.Extract(text),
            prediction?.Scores.OrderByDescending(s => s.Score).Take(3).ToList());
        await publisher.PublishRoutedAsync(routed, ct);
        logger.LogInformation("Document {Document}: {Type} ({Confidence:P0}) -> {Target} ({Reason})",
            document.DocumentId, routed.DocumentType, routed.Confidence, target, reason);
    }
}
