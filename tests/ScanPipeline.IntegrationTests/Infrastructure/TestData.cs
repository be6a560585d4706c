using ScanPipeline.Tests.Infrastructure;

namespace ScanPipeline.IntegrationTests.Infrastructure;

/// <summary>The shared real test data, read where it lies (<see cref="SharedDataRoot"/>).</summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Path(string relative) => System.IO.Path.Combine(Root.Value, relative);

    public static byte[] Read(string relative) => File.ReadAllBytes(Path(relative));

    private static string FindRoot()
    {
        var data = SharedDataRoot.Of(Repository.RootPath);
        if (Directory.Exists(data)) return data;
        throw new DirectoryNotFoundException(
            $"Test data not found at {data} (expected ../shared/data beside the repository, or a folder named by {SharedDataRoot.Variable}).");
    }
}
