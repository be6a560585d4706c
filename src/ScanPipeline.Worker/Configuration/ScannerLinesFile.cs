using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using ScanPipeline.Core.Separation;
using ScanPipeline.Worker.Options;

namespace ScanPipeline.Worker.Configuration;

/// <summary>
/// The scanner lines as config/scanner-lines.json (<c>Pipeline:ScannerLinesPath</c>) says now: ingest watches
/// them and split cuts their batches by them. An edit takes effect without a restart. While the file does not
/// exist, the lines of <c>Ingest:ScannerLines</c> (appsettings.json, environment, command line) are the lines, so
/// set-ups from before the file keep working; the admin pages create the file with their first change.
/// </summary>
public sealed class ScannerLinesFile(string path, IReadOnlyList<ScannerLineOptions> fallback, ILogger<ScannerLinesFile> logger)
    : ReloadingConfigFile<IReadOnlyList<ScannerLineOptions>>(path, logger)
{
    /// <summary>True when the lines come from the file, false when from <c>Ingest:ScannerLines</c>.</summary>
    public bool FileExists => File.Exists(Path);

    /// <summary>The line of this name, or null if it is not (or no longer) configured.</summary>
    public ScannerLineOptions? Find(string name) => Current.FirstOrDefault(l => l.Name == name);

    /// <summary>The separation rule of a line; a batch from a line not (or no longer) configured gets the default.</summary>
    public SeparationSettings SeparationFor(string scannerLine) => Find(scannerLine)?.SeparationSettings() ?? SeparationSettings.Default;

    protected override IReadOnlyList<ScannerLineOptions> Load(byte[] content) =>
        ScannerLinesDocument.LoadJson(Encoding.UTF8.GetString(content), Path);

    protected override IReadOnlyList<ScannerLineOptions> WhenMissing() => fallback;
}

/// <summary>The JSON form of the scanner-lines file: <c>{ "scannerLines": [ { "name", "hotFolder", "separation", ... } ] }</c>.</summary>
public static class ScannerLinesDocument
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    private sealed record FileContent(List<ScannerLineOptions>? ScannerLines);

    /// <summary>What is written per line: settings left at their default are left out.</summary>
    private sealed record LineEntry(string Name, string HotFolder, string Separation, List<string>? SeparatorCodes, int? PagesPerDocument);

    private sealed record FileToWrite(List<LineEntry> ScannerLines);

    /// <summary>Reads lines from JSON without validating them; <paramref name="source"/> names the file in errors.</summary>
    public static List<ScannerLineOptions> Parse(string json, string source)
    {
        try
        {
            var content = JsonSerializer.Deserialize<FileContent>(json.TrimStart('\uFEFF'), JsonOptions);
            return content?.ScannerLines ?? throw new InvalidOperationException($"Scanner lines file {source} has no \"scannerLines\" list.");
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException($"Scanner lines in {source} are not valid JSON: {error.Message}", error);
        }
    }

    /// <summary>Reads and validates lines as the host does at start; invalid lines throw with every problem named.</summary>
    public static IReadOnlyList<ScannerLineOptions> LoadJson(string json, string source)
    {
        var lines = Parse(json, source);
        var errors = Validate(lines);
        if (errors.Count > 0)
            throw new InvalidOperationException($"Scanner lines in {source} are invalid: " + string.Join("; ", errors));
        return lines;
    }

    /// <summary>The checks <see cref="IngestOptions"/> runs at start (names, hot folders, separation rules, duplicates), in English.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<ScannerLineOptions> lines)
    {
        var options = new IngestOptions { ScannerLines = [.. lines] };
        return [.. options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage ?? "invalid scanner line")];
    }

    public static string ToJson(IEnumerable<ScannerLineOptions> lines) => JsonSerializer.Serialize(new FileToWrite(
        [.. lines.Select(l => new LineEntry(l.Name, l.HotFolder, l.Separation, l.SeparatorCodes.Count > 0 ? l.SeparatorCodes : null,
            l.PagesPerDocument > 0 ? l.PagesPerDocument : null))]), JsonOptions);
}
