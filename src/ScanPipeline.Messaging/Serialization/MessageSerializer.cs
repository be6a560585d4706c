using System.Text.Json;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;

namespace ScanPipeline.Messaging;

/// <summary>
/// JSON bodies (camelCase). Reading is strict: the AMQP type must be the expected message name, the schema
/// version must be one this build knows, every constructor parameter must be present and non-nullable
/// values must not be null. Anything else is a <see cref="PermanentProcessingException"/>: no retry can fix it.
/// </summary>
public static class MessageSerializer
{
    public const string ContentType = "application/json";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static byte[] Serialize<T>(T message) where T : IMessage => JsonSerializer.SerializeToUtf8Bytes(message, Options);

    /// <param name="messageType">The AMQP type property (message name).</param>
    /// <param name="schemaVersionHeader">The <see cref="MessageHeaders.SchemaVersion"/> header value, if any.</param>
    /// <param name="body">The JSON body.</param>
    public static T Deserialize<T>(string? messageType, object? schemaVersionHeader, ReadOnlySpan<byte> body) where T : IMessage
    {
        if (messageType != T.Name)
            throw new PermanentProcessingException(ReasonCodes.InvalidMessage,
                $"Expected a '{T.Name}' message but got type '{messageType ?? "(none)"}'.");

        var supported = MessageContracts.SupportedSchemaVersions(T.Name);
        long? headerVersion = null;
        if (schemaVersionHeader is not null)
        {
            var version = HeaderValues.AsInt64(schemaVersionHeader)
                ?? throw new PermanentProcessingException(ReasonCodes.InvalidMessage,
                    $"The {MessageHeaders.SchemaVersion} header '{HeaderValues.AsString(schemaVersionHeader)}' is not a number.");
            if (version is < int.MinValue or > int.MaxValue || !supported.Contains((int)version))
                throw Unsupported(version, supported);
            headerVersion = version;
        }

        T? message;
        try
        {
            message = JsonSerializer.Deserialize<T>(body, Options);
        }
        catch (JsonException ex)
        {
            throw new PermanentProcessingException(ReasonCodes.InvalidMessage, $"The body is not a valid '{T.Name}': {ex.Message}", ex);
        }
        if (message is null)
            throw new PermanentProcessingException(ReasonCodes.InvalidMessage, $"The body of the '{T.Name}' message is null.");
        if (headerVersion is { } header && header != message.SchemaVersion)
            throw new PermanentProcessingException(ReasonCodes.InvalidMessage,
                $"The {MessageHeaders.SchemaVersion} header says {header} but the body says {message.SchemaVersion}.");
        if (!supported.Contains(message.SchemaVersion))
            throw Unsupported(message.SchemaVersion, supported);
        return message;
    }

    private static PermanentProcessingException Unsupported(long version, IReadOnlySet<int> supported) =>
        new(ReasonCodes.UnsupportedSchema,
            $"Schema version {version} is not supported; this build reads {string.Join(", ", supported.Order())}.");
}
