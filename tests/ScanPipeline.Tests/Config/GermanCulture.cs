using System.Globalization;

namespace ScanPipeline.Tests.Config;

/// <summary>German texts for the duration of a test, as the pages default to; the thread's culture is restored afterwards.</summary>
internal sealed class GermanCulture : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public GermanCulture() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
