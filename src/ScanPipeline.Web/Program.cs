using ScanPipeline.Web;

// The web role on its own: `dotnet ScanPipeline.Web.dll --urls http://127.0.0.1:5080`. Operators use
// `scanpipe web`, which runs the same application.
await WebApp.Build(args).RunAsync();

/// <summary>The entry point, for WebApplicationFactory in the tests.</summary>
public partial class Program;
