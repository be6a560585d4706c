using System.Text.Json;
using Xunit;

namespace ScanPipeline.IntegrationTests.Cli;

/// <summary><c>scanpipe efile register|list</c>: the e-files incoming post is linked to.</summary>
public sealed class CaseFileCliTests : IDisposable
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), "scanpipe-cli", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_store, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Register_once_refuse_an_unknown_department_and_list()
    {
        var environment = new Dictionary<string, string> { ["SCANPIPE_Storage__DataDirectory"] = _store };

        var first = await ScanpipeProcess.RunAsync(environment, "efile", "register", "--reference", "63-12/2026-0147",
            "--department", "63", "--title", "Bauvorhaben Lindenallee 7");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("E-Akte 63-12/2026-0147 angemeldet", first.Stdout);

        var again = await ScanpipeProcess.RunAsync(environment, "efile", "register", "--reference", "63-12 / 2026-0147", "--department", "63");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("bereits angemeldet", again.Stdout);

        var unknown = await ScanpipeProcess.RunAsync(environment, "efile", "register", "--reference", "X-1", "--department", "99");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unbekannter Fachbereich \"99\"", unknown.Stderr);

        var list = await ScanpipeProcess.RunAsync(environment, "efile", "list", "--json");
        using var json = JsonDocument.Parse(list.Stdout);
        var file = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("63-12/2026-0147", file.GetProperty("reference").GetString());
        Assert.Equal("Bauvorhaben Lindenallee 7", file.GetProperty("title").GetString());
    }
}
