using System.Globalization;

namespace ScanPipeline.Web.Configuration;

/// <summary>The outcome of one change on the configuration pages: saved (with a message and the new version), or refused with the reasons.</summary>
public sealed record ConfigChangeResult(bool Saved, string? Message, IReadOnlyList<string> Errors, ConfigVersion? Version = null)
{
    public static ConfigChangeResult Refused(IEnumerable<string> errors) => new(false, null, [.. errors]);

    public static ConfigChangeResult Refused(string error) => new(false, null, [error]);

    public static ConfigChangeResult Done(string message, ConfigVersion version) => new(true, message, [], version);
}

/// <summary>Texts of <see cref="ConfigTexts"/> for the person on the page (their language) and for the audit log (always German).</summary>
internal static class ConfigText
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");

    /// <summary>In the language of the current request.</summary>
    public static string Say(string template, params object?[] args) => string.Format(CultureInfo.CurrentCulture, template, args);

    /// <summary>In German, whatever the language of the page: the audit log reads the same for every admin.</summary>
    public static string Audit(string key, params object?[] args) =>
        string.Format(German, ConfigTexts.ResourceManager.GetString(key, German) ?? key, args);

    /// <summary>A confidence threshold as people write it, e.g. 0,7 (German) or 0.7 (English).</summary>
    public static string Threshold(double? value, CultureInfo? culture = null) =>
        value is { } v ? v.ToString("0.###", culture ?? CultureInfo.CurrentCulture) : "–";

    public static string GermanThreshold(double? value) => Threshold(value, German);

    /// <summary>
    /// A threshold from a form: a number from 0 to 1 with a decimal comma or point ("0,7", "0.75"). Empty gives
    /// (true, null): no threshold of its own.
    /// </summary>
    public static (bool Ok, double? Value) ParseThreshold(string? input)
    {
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text)) return (true, null);
        var ok = double.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
            CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1;
        return ok ? (true, value) : (false, null);
    }
}
