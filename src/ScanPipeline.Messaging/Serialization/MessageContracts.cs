using ScanPipeline.Core.Messages;

namespace ScanPipeline.Messaging;

/// <summary>
/// What this build of the pipeline can read: the schema versions of each message name. A consumer refuses
/// (dead-letters as unsupported-schema) any other version instead of guessing at its meaning.
/// </summary>
/// <remarks>
/// A new schema version only adds optional fields, and a build keeps reading the versions before it, so messages
/// already queued survive an upgrade. Roll out consumers first: an older build refuses the newer version (visibly,
/// in the dead-letter queue) rather than silently dropping the field it does not know.
/// </remarks>
public static class MessageContracts
{
    private static readonly Dictionary<string, IReadOnlySet<int>> Known = new(StringComparer.Ordinal)
    {
        [MessageNames.BatchReceived] = new HashSet<int> { 1 },
        [MessageNames.DocumentCaptured] = new HashSet<int> { 1 },
        // 2: HocrSha256 (word boxes and confidences); 1 reads with no hOCR.
        [MessageNames.DocumentRecognized] = new HashSet<int> { 1, DocumentRecognized.CurrentSchemaVersion },
        // 3: Fields (extracted key fields); 2 and 1 read with no fields.
        [MessageNames.DocumentRouted] = new HashSet<int> { 1, 2, 3, DocumentRouted.CurrentSchemaVersion },
    };

    public static IReadOnlySet<int> SupportedSchemaVersions(string messageName) =>
        Known.TryGetValue(messageName, out var versions)
            ? versions
            : throw new InvalidOperationException($"No schema versions are registered for message '{messageName}'.");

    /// <summary>
    /// The AMQP message id: the message's own document or batch id plus its name, so a republished message
    /// (a retry after a lost confirm) carries the same id as the first copy.
    /// </summary>
    public static string MessageId(IMessage message, string messageName)
    {
        var id = message switch
        {
            BatchReceived batch => batch.BatchId,
            DocumentCaptured captured => captured.DocumentId,
            DocumentRecognized recognized => recognized.DocumentId,
            DocumentRouted routed => routed.DocumentId,
            _ => throw new ArgumentException($"Message type {message.GetType().Name} has no id rule.", nameof(message)),
        };
        return $"{id}/{messageName}";
    }
}
