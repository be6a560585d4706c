using System.Globalization;
using System.Resources;

namespace ScanPipeline.Worker.Resources;

/// <summary>German (default) texts for reason codes, from Strings.resx; other languages can follow as satellites.</summary>
public static class ReasonTexts
{
    private static readonly ResourceManager Manager = new("ScanPipeline.Worker.Resources.Strings", typeof(ReasonTexts).Assembly);

    public static string ForReason(string reasonCode, CultureInfo? culture = null) =>
        Manager.GetString("Reason_" + reasonCode, culture) ?? Manager.GetString("Reason_unknown", culture)!;

    public static string ForVerification(string routingReason, CultureInfo? culture = null) =>
        Manager.GetString("Verification_" + routingReason, culture) ?? routingReason;
}
