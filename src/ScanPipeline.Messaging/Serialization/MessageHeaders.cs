using System.Globalization;
using System.Text;

namespace ScanPipeline.Messaging;

/// <summary>AMQP header names the pipeline writes or reads.</summary>
public static class MessageHeaders
{
    /// <summary>Schema version of the body, so a consumer can refuse a message without parsing it.</summary>
    public const string SchemaVersion = "schema-version";

    /// <summary>Reason code (<see cref="Core.Documents.ReasonCodes"/>) of a message the pipeline dead-lettered.</summary>
    public const string Reason = "x-scanpipe-reason";

    /// <summary>Human-readable detail of the failure (exception message), shortened.</summary>
    public const string Detail = "x-scanpipe-detail";

    /// <summary>Queue the message was consumed from when it failed.</summary>
    public const string Queue = "x-scanpipe-queue";

    /// <summary>When it was dead-lettered (ISO 8601, UTC).</summary>
    public const string FailedAt = "x-scanpipe-failed-at";

    /// <summary>Failed attempts so far of a message that was sent to a delay queue to be tried again.</summary>
    public const string Attempts = "x-scanpipe-attempts";

    /// <summary>Set by quorum queues: how often the message was returned before this delivery.</summary>
    public const string DeliveryCount = "x-delivery-count";

    /// <summary>Set by the broker when it dead-letters: a list of tables with reason, queue, count.</summary>
    public const string Death = "x-death";

    /// <summary>
    /// The broker's record of earlier dead-lettering (x-death, x-first-death-*, x-last-death-*): a copy the
    /// pipeline publishes again starts without it.
    /// </summary>
    public static bool IsBrokerDeathRecord(string name) =>
        name.StartsWith(Death, StringComparison.Ordinal)
        || name.StartsWith("x-first-death", StringComparison.Ordinal)
        || name.StartsWith("x-last-death", StringComparison.Ordinal);

    /// <summary>Longest <see cref="Detail"/> kept: headers travel in one frame with the message properties.</summary>
    public const int MaxDetailLength = 1000;
}

/// <summary>Reads AMQP header values, which arrive as byte[] (strings) or as integers of various widths.</summary>
internal static class HeaderValues
{
    public static object? Find(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value) ? value : null;

    public static string? AsString(object? value) => value switch
    {
        null => null,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public static long? AsInt64(object? value) => value switch
    {
        null => null,
        long l => l,
        int i => i,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        uint ui => ui,
        ushort us => us,
        byte[] or string => long.TryParse(AsString(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null,
        _ => null,
    };
}
