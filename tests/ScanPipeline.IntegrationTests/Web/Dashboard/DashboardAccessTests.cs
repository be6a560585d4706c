using System.Net;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Dashboard;

/// <summary>Who may see the dashboard, and how it refreshes itself.</summary>
public sealed class DashboardAccessTests
{
    [Theory]
    [InlineData(UserRoles.Operator)]
    [InlineData(UserRoles.Admin)]
    public async Task Operators_and_admins_see_the_dashboard(string role)
    {
        using var host = new WebTestHost();
        host.AddUser("olga", role);
        using var client = await host.SignInAsync("olga");

        var response = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Übersicht der Poststelle</h1>", page);
        Assert.Contains("id=\"dashboard-figures\"", page);
        // Only an operator may work the quarantine, so only an operator gets the link to it.
        Assert.Equal(role == UserRoles.Operator, page.Contains("href=\"/quarantine\"", StringComparison.Ordinal)
                                                 && page.Contains("id=\"quarantine-link\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard?handler=Content")]
    public async Task A_case_worker_is_turned_away(string url)
    {
        using var host = new WebTestHost();
        host.AddUser("anna", UserRoles.CaseWorker, "20");
        using var client = await host.SignInAsync("anna");

        var response = await client.GetAsync(url);

        if (response.StatusCode == HttpStatusCode.Redirect)
            Assert.Equal("/status/403", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        else
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("dashboard-figures", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_session_the_dashboard_asks_for_a_sign_in()
    {
        using var host = new WebTestHost();
        using var client = host.NewClient();

        var response = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task The_page_polls_its_figures_with_htmx_and_the_refresh_answers_with_the_figures_alone()
    {
        using var host = new WebTestHost();
        host.Settings["Web:DashboardRefreshSeconds"] = "7";
        host.AddUser("olga", UserRoles.Operator);
        using var client = await host.SignInAsync("olga");

        var page = await client.GetStringAsync("/dashboard");
        Assert.Contains("<div id=\"dashboard\" class=\"dashboard\" hx-get=\"/dashboard?handler=Content\" hx-trigger=\"every 7s\" hx-swap=\"innerHTML\">", page);
        Assert.Contains("<script src=\"/assets/dashboard.js\" defer></script>", page);
        Assert.False(DashboardPage.HasInlineScriptOrStyle(page));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard?handler=Content");
        request.Headers.Add("HX-Request", "true");
        var refresh = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var figures = await refresh.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"dashboard-figures\">", figures.TrimStart());
        Assert.DoesNotContain("<html", figures);
        Assert.DoesNotContain("<h1", figures);
        Assert.Contains("id=\"lines-table\"", figures);
        Assert.False(DashboardPage.HasInlineScriptOrStyle(figures));

        var script = await client.GetAsync("/assets/dashboard.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
