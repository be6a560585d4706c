namespace ScanPipeline.Tests.Infrastructure;

/// <summary>The repository's own files, and the shared real test data (<see cref="SharedDataRoot"/>).</summary>
public static class Repository
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ScanPipeline.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Repository root (ScanPipeline.sln) not found above " + AppContext.BaseDirectory);
    });

    public static string Path(string relative) => System.IO.Path.Combine(Root.Value, relative);

    public static string SharedData(params string[] parts)
    {
        var path = System.IO.Path.Combine([SharedDataRoot.Of(Root.Value), .. parts]);
        if (!System.IO.Path.Exists(path))
            throw new InvalidOperationException($"Shared test data missing: {path} (set {SharedDataRoot.Variable} for a clone not beside ../shared/data)");
        return path;
    }
}
