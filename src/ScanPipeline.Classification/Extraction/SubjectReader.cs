using System.Text.RegularExpressions;

namespace ScanPipeline.Classification.Extraction;

/// <summary>
/// A letter's subject line, for the inbox list: the text after a "Betreff:" label, else the first line after
/// the letter's date line (DIN 5008 puts the subject there), else the line before the salutation. Best effort;
/// null when none of these is found.
/// </summary>
public static partial class SubjectReader
{
    private const int MaxLength = 160;
    private const int MaxLines = 80;

    [GeneratedRegex(@"^\s*(Betreff|Betr\.|Betrifft|Subject|Re)\s*:?\s*(?<subject>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    // "08.09.2025", "Wuppertal, den 3. März 2026", "Datum: 2026-03-01".
    [GeneratedRegex(@"^([\p{L} .-]+,\s*(den\s+)?)?(Datum:?\s*)?(\d{1,2}\.\s*(\d{1,2}\.|\p{L}+)\s*\d{2,4}|\d{4}-\d{2}-\d{2})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^(Sehr geehrte|Guten Tag|Hallo|Liebe|Dear)", RegexOptions.IgnoreCase)]
    private static partial Regex Salutation();

    public static string? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var lines = text.Split('\n', MaxLines + 1).Take(MaxLines).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

        foreach (var line in lines)
        {
            var label = Label().Match(line);
            if (label.Success && label.Groups["subject"].Value.Length > 0) return Shorten(label.Groups["subject"].Value);
        }
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (DateLine().IsMatch(lines[i]) && !Salutation().IsMatch(lines[i + 1])) return Shorten(lines[i + 1]);
        }
        for (var i = 1; i < lines.Length; i++)
        {
            if (Salutation().IsMatch(lines[i])) return Shorten(lines[i - 1]);
        }
        return null;
    }

    private static string Shorten(string line) => line.Length <= MaxLength ? line : line[..(MaxLength - 1)].TrimEnd() + "…";
}
