using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Messaging;
using ScanPipeline.Web;
using ScanPipeline.Web.Security;

namespace ScanPipeline.IntegrationTests.Web.Dashboard;

/// <summary>
/// The web role of a <see cref="WebTestHost"/> (its stores and settings) with the broker pinned to one AMQP URI:
/// a developer's SCANPIPE_AMQP_URI must not pull the test out of its own virtual host, nor onto a broker that
/// answers when the test wants one that does not. Disposed with the host.
/// </summary>
internal sealed class PinnedBrokerWeb
{
    public PinnedBrokerWeb(WebTestHost host, string amqpUri)
    {
        host.Settings["RabbitMq:Uri"] = amqpUri;
        App = host.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.PostConfigure<RabbitMqOptions>(options => options.Uri = amqpUri)));
    }

    public WebApplicationFactory<WebProgram> App { get; }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public void AddUser(string name, string role)
    {
        var rules = ScanPipeline.Core.Configuration.RoutingRules.Load(ScanPipeline.IntegrationTests.Infrastructure.Repository.Path("config/routing-rules.json"));
        var error = Get<UserAccounts>().Save(name, WebTestHost.Password, role, [], rules);
        if (error is not null) throw new InvalidOperationException($"User {name}: {error}");
    }

    /// <summary>Signs in through the login form, as <see cref="WebTestHost.SignInAsync"/> does.</summary>
    public async Task<HttpClient> SignInAsync(string name)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        var response = await WebTestHost.PostFormAsync(client, "/login", "/login", new() { ["name"] = name, ["password"] = WebTestHost.Password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {name} answered {(int)response.StatusCode}");
        return client;
    }
}
