using System.Net;
using ScanPipeline.IntegrationTests.Web.Infrastructure;
using ScanPipeline.Storage;
using Xunit;

namespace ScanPipeline.IntegrationTests.Web.Access;

public sealed class SmokeTests
{
    [Fact]
    public async Task A_case_worker_signs_in_and_sees_a_filed_document_in_the_inbox()
    {
        using var host = new WebTestHost();
        host.AddUser("anna", UserRoles.CaseWorker, "20");
        var id = await host.FileDocumentAsync("05-rechnung-g4.tif", "Rechnung", "20");
        using var client = await host.SignInAsync("anna");
        var inbox = await client.GetStringAsync("/inbox");
        Assert.Contains($"/documents/{id}", inbox);
        var response = await client.GetAsync($"/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
