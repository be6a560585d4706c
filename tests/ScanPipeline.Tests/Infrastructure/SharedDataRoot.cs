namespace ScanPipeline.Tests.Infrastructure;

/// <summary>
/// Where the shared real test data lies: ../shared/data beside the repository root, or the folder named by
/// SCANPIPE_TEST_DATA for a clone that does not sit beside it. Also compiled into the integration tests.
/// </summary>
public static class SharedDataRoot
{
    public const string Variable = "SCANPIPE_TEST_DATA";

    public static string Of(string repositoryRoot)
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        return Path.GetFullPath(string.IsNullOrEmpty(configured) ? Path.Combine(repositoryRoot, "..", "shared", "data") : configured);
    }
}
