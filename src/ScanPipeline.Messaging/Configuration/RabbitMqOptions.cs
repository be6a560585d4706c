using System.ComponentModel.DataAnnotations;
using RabbitMQ.Client;

namespace ScanPipeline.Messaging;

/// <summary>Section "RabbitMq": where the broker is and how deliveries are bounded. Validated on start.</summary>
public sealed class RabbitMqOptions : IValidatableObject
{
    public const string Section = "RabbitMq";

    /// <summary>When set, this environment variable replaces <see cref="Uri"/> (containers, CI).</summary>
    public const string UriEnvironmentVariable = "SCANPIPE_AMQP_URI";

    /// <summary>AMQP URI with credentials and virtual host, e.g. amqp://user:pass@host:5672/vhost.</summary>
    [Required]
    public string Uri { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>
    /// Base URI of the management HTTP API (policies, virtual hosts, queue listing). Credentials may be given
    /// as user info (http://admin:secret@host:15672/); otherwise those of <see cref="Uri"/> are used.
    /// </summary>
    [Required]
    public string ManagementUri { get; set; } = "http://127.0.0.1:15672/";

    /// <summary>Name shown for this process's connection in the management UI.</summary>
    [Required, StringLength(100, MinimumLength = 1)]
    public string ConnectionName { get; set; } = "scanpipe";

    /// <summary>
    /// Deliveries a consumer holds unacknowledged per queue. Raised to the consumer's concurrency when lower,
    /// so that every handler slot can be busy.
    /// </summary>
    [Range(1, 1000)]
    public int Prefetch { get; set; } = 4;

    /// <summary>
    /// Deliveries of one message before the broker dead-letters it (the delivery-limit policy). RabbitMQ 3.10 has
    /// no default, so without the policy a poison message would be retried for ever.
    /// </summary>
    [Range(1, 100)]
    public int DeliveryLimit { get; set; } = 5;

    /// <summary>Longest wait for a publisher confirm, including the wait for the publishing channel.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest a consumer holds a delivery while a store is unavailable (<see cref="Core.Documents.StoreUnavailableException"/>),
    /// trying it again in place with back-off. After that the delivery is returned to its queue, well before the
    /// broker's 30-minute consumer ack timeout would close the channel.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:25:00")]
    public TimeSpan StoreOutageHold { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Longest wait between two tries of a held delivery while a store is unavailable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan StoreOutageMaxWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest a handler may work on one delivery; far below the broker's 30-minute ack timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:25:00")]
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Back-off before a transiently failed message is tried again: base × 2^(attempts so far), capped. The
    /// message waits in a delay queue on the broker (<see cref="Topology.RetryQueue"/>), not in the worker.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The delay queues these settings need, one per wait (see <see cref="Topology.RetryDelays"/>).</summary>
    public IReadOnlyList<TimeSpan> RetryDelays => Topology.RetryDelays(RetryBaseDelay, RetryMaxDelay, DeliveryLimit);

    /// <summary>Pause between attempts of the client's automatic connection recovery.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest pause between attempts of the first connect while the broker is not up yet.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ConnectRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Virtual host named by <see cref="Uri"/> ("/" when the URI has no path).</summary>
    /// <remarks>A method, not a property: validation reads every property, and a bad URI must fail as a validation error.</remarks>
    public string GetVirtualHost() => CreateConnectionFactory().VirtualHost;

    /// <summary>A connection factory for <see cref="Uri"/>; recovery settings are added by the connection.</summary>
    internal ConnectionFactory CreateConnectionFactory() => new() { Uri = new Uri(Uri) };

    /// <summary>User name and password for the management API.</summary>
    internal (string User, string Password) ManagementCredentials()
    {
        var management = new Uri(ManagementUri);
        if (!string.IsNullOrEmpty(management.UserInfo))
        {
            var parts = management.UserInfo.Split(':', 2);
            return (System.Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? System.Uri.UnescapeDataString(parts[1]) : "");
        }
        var factory = CreateConnectionFactory();
        return (factory.UserName, factory.Password);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!System.Uri.TryCreate(Uri, UriKind.Absolute, out var amqp) || amqp.Scheme is not ("amqp" or "amqps"))
            yield return new ValidationResult("Uri must be an absolute amqp:// or amqps:// URI.", [nameof(Uri)]);
        else
        {
            string? error = null;
            try
            {
                _ = CreateConnectionFactory();
            }
            catch (ArgumentException ex)
            {
                error = ex.Message;
            }
            if (error is not null) yield return new ValidationResult($"Uri is not usable: {error}", [nameof(Uri)]);
        }
        if (!System.Uri.TryCreate(ManagementUri, UriKind.Absolute, out var http) || http.Scheme is not ("http" or "https"))
            yield return new ValidationResult("ManagementUri must be an absolute http:// or https:// URI.", [nameof(ManagementUri)]);
        if (RetryMaxDelay < RetryBaseDelay)
            yield return new ValidationResult("RetryMaxDelay must not be shorter than RetryBaseDelay.", [nameof(RetryMaxDelay)]);
    }
}
