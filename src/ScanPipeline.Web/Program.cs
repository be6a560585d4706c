namespace ScanPipeline.Web;

/// <summary>
/// The web role on its own: <c>dotnet ScanPipeline.Web.dll --urls https://127.0.0.1:5443</c>. Operators use
/// <c>scanpipe web</c>, which runs the same <see cref="WebApp"/>. Tests start it through WebApplicationFactory.
/// </summary>
public sealed class WebProgram
{
    private WebProgram()
    {
    }

    public static Task Main(string[] args) => WebApp.Build(args).RunAsync();
}
