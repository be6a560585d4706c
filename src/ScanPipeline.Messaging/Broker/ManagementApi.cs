using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ScanPipeline.Messaging;

/// <summary>A connection as the management API lists it; <see cref="Name"/> is what DELETE takes.</summary>
public sealed record BrokerConnection(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("vhost")] string VirtualHost,
    [property: JsonPropertyName("user_provided_name")] string? ClientProvidedName);

/// <summary>The few calls of RabbitMQ's management HTTP API that the pipeline needs. Every call has a timeout.</summary>
public sealed class ManagementApi : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);
    private readonly HttpClient _http;

    public ManagementApi(IOptions<RabbitMqOptions> options)
    {
        var configured = new Uri(options.Value.ManagementUri);
        var baseUri = new UriBuilder(configured) { UserName = "", Password = "" }.Uri;
        var (user, password) = options.Value.ManagementCredentials();
        _http = new HttpClient { BaseAddress = baseUri, Timeout = RequestTimeout };
        _http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    /// <summary>A path segment: the default virtual host "/" becomes "%2F".</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    public async Task PutAsync(string path, object body, CancellationToken ct)
    {
        using var response = await _http.PutAsJsonAsync(path, body, ct);
        await EnsureSuccessAsync(response, HttpMethod.Put, path, ct);
    }

    /// <summary>DELETE; a resource that is already gone counts as deleted.</summary>
    public async Task DeleteAsync(string path, CancellationToken ct, string? reason = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        if (reason is not null) request.Headers.Add("X-Reason", reason);
        using var response = await _http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return;
        await EnsureSuccessAsync(response, HttpMethod.Delete, path, ct);
    }

    public async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await _http.GetAsync(path, ct);
        await EnsureSuccessAsync(response, HttpMethod.Get, path, ct);
        return await response.Content.ReadFromJsonAsync<T>(ct)
               ?? throw new InvalidOperationException($"The management API returned nothing for GET {path}.");
    }

    public Task<List<BrokerConnection>> ListConnectionsAsync(string virtualHost, CancellationToken ct) =>
        GetAsync<List<BrokerConnection>>($"api/vhosts/{Segment(virtualHost)}/connections", ct);

    /// <summary>Closes a client connection from the broker side (as an operator or a failing node would).</summary>
    public Task CloseConnectionAsync(string connectionName, string reason, CancellationToken ct) =>
        DeleteAsync($"api/connections/{Segment(connectionName)}", ct, reason);

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, HttpMethod method, string path,
        CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var text = await response.Content.ReadAsStringAsync(ct);
        if (text.Length > 500) text = text[..500];
        throw new HttpRequestException($"RabbitMQ management API: {method} {path} answered {(int)response.StatusCode} {text}",
            null, response.StatusCode);
    }

    public void Dispose() => _http.Dispose();
}
