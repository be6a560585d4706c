namespace ScanPipeline.IntegrationTests.Infrastructure;

/// <summary>Files of the repository itself (samples, models, config), found from the test binary upwards.</summary>
public static class Repository
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ScanPipeline.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Repository root (ScanPipeline.sln) not found above " + AppContext.BaseDirectory);
    });

    public static string RootPath => Root.Value;

    public static string Path(string relative) => System.IO.Path.Combine(Root.Value, relative);
}
