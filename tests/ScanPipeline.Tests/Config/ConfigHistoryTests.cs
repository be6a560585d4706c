using ScanPipeline.Tests.Infrastructure;
using ScanPipeline.Web.Configuration;

namespace ScanPipeline.Tests.Config;

public sealed class ConfigHistoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private static readonly DateTimeOffset At = new(2026, 12, 1, 10, 15, 30, 123, TimeSpan.Zero);

    [Fact]
    public void A_save_keeps_the_file_as_it_was_then_the_new_version_and_makes_it_the_live_file()
    {
        var live = _temp.Combine("routing-rules.json");
        File.WriteAllText(live, "{ \"alt\": 1 }");
        var history = new ConfigHistory(live);

        var version = history.Save("{ \"neu\": 2 }", "oidc:anna@stadt.de", At, before: File.ReadAllText(live));

        Assert.Equal("routing-rules.20261201T101530123Z.oidc_anna_stadt_de.json", version.FileName);
        Assert.Equal("{ \"neu\": 2 }", File.ReadAllText(live));
        var versions = history.List();
        Assert.Equal(2, versions.Count);
        Assert.Equal(version, versions[0]);
        Assert.Equal(ConfigHistory.InitialUser, versions[1].User);
        Assert.Equal("{ \"alt\": 1 }", history.Read(versions[1].FileName));
        Assert.Equal(_temp.Combine("history"), history.Directory);
        // Written by rename: no temporary file is left beside the live file or in the history.
        Assert.Empty(Directory.EnumerateFiles(_temp.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Every_save_is_a_new_version_even_in_the_same_millisecond_and_none_is_overwritten()
    {
        var history = new ConfigHistory(_temp.Combine("scanner-lines.json"));
        var first = history.Save("1", "admin", At, before: null);
        var second = history.Save("2", "admin", At, before: null);
        var third = history.Save("3", "admin", At, before: "0");

        Assert.Equal(3, history.List().Count);   // no starting point once versions exist
        Assert.Equal([third.FileName, second.FileName, first.FileName], history.List().Select(v => v.FileName));
        Assert.Equal(["3", "2", "1"], history.List().Select(v => history.Read(v.FileName)));
        Assert.Equal("3", File.ReadAllText(history.LiveFilePath));
    }

    [Theory]
    [InlineData("../routing-rules.json")]
    [InlineData("/etc/passwd")]
    [InlineData("routing-rules.20261201T101530123Z.admin.json/../../x")]
    [InlineData("scanner-lines.20261201T101530123Z.admin.json")]
    [InlineData(null)]
    public void Only_a_version_of_this_file_can_be_read_never_a_path(string? name)
    {
        var history = new ConfigHistory(_temp.Combine("routing-rules.json"));
        history.Save("{}", "admin", At, before: null);
        File.WriteAllText(Path.Combine(history.Directory, "scanner-lines.20261201T101530123Z.admin.json"), "fremd");
        Assert.Null(history.Read(name));
        Assert.Single(history.List());
    }

    public void Dispose() => _temp.Dispose();
}
