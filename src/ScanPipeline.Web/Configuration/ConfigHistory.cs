using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ScanPipeline.Web.Configuration;

/// <summary>One saved version of a configuration file: config/history/&lt;file&gt;.&lt;UTC time&gt;.&lt;user&gt;.json.</summary>
public sealed record ConfigVersion(string FileName, DateTimeOffset SavedAt, string User);

/// <summary>
/// The versions of one configuration file (e.g. config/routing-rules.json), kept in a history folder beside it
/// (config/history/routing-rules.20261201T101530123Z.admin.json). Every save writes the new version there and then
/// the live file, each atomically: a temporary file in the same folder, then a rename, so that a reader (the worker,
/// another web process) sees the old file or the new one, never half of one. Versions are never changed or deleted;
/// restoring one saves it again as a new version.
/// </summary>
public sealed partial class ConfigHistory
{
    /// <summary>The user part of the name of a version that records the file as it was before its first change here.</summary>
    public const string InitialUser = "initial";

    private const string TimeFormat = "yyyyMMdd'T'HHmmssfff'Z'";

    public ConfigHistory(string liveFilePath)
    {
        LiveFilePath = Path.GetFullPath(liveFilePath);
        Directory = Path.Combine(Path.GetDirectoryName(LiveFilePath)!, "history");
        BaseName = Path.GetFileNameWithoutExtension(LiveFilePath);
    }

    public string LiveFilePath { get; }

    /// <summary>The history folder: "history" beside the live file.</summary>
    public string Directory { get; }

    /// <summary>The live file's name without ".json", the first part of every version's name.</summary>
    public string BaseName { get; }

    /// <summary>Every saved version, newest first.</summary>
    public IReadOnlyList<ConfigVersion> List()
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        return [.. System.IO.Directory.EnumerateFiles(Directory, BaseName + ".*.json")
            .Select(path => Parse(Path.GetFileName(path)))
            .OfType<ConfigVersion>()
            .OrderByDescending(v => v.SavedAt).ThenByDescending(v => v.FileName, StringComparer.Ordinal)];
    }

    /// <summary>The content of a listed version; null for a name that is not one (never a path from outside).</summary>
    public string? Read(string? fileName)
    {
        if (fileName is null || Parse(fileName) is null) return null;
        var path = Path.Combine(Directory, fileName);
        return File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
    }

    /// <summary>
    /// Saves <paramref name="content"/> as a new version by <paramref name="user"/> and makes it the live file.
    /// Before the first version, <paramref name="before"/> (what was in force until now, if anything) is kept as the
    /// version <see cref="InitialUser"/>, so that the starting point can be restored too.
    /// </summary>
    public ConfigVersion Save(string content, string user, DateTimeOffset at, string? before)
    {
        System.IO.Directory.CreateDirectory(Directory);
        if (before is not null && List().Count == 0)
            WriteVersion(before, InitialUser, File.Exists(LiveFilePath) ? File.GetLastWriteTimeUtc(LiveFilePath) : at.AddMilliseconds(-1));
        var version = WriteVersion(content, user, at);
        WriteAtomically(LiveFilePath, content);
        return version;
    }

    /// <summary>A user name as it may stand in a file name: letters, digits, '-' and '_' (others become '_').</summary>
    public static string FileNameUser(string user)
    {
        var safe = new string([.. user.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return safe.Length == 0 ? "_" : safe.Length > 64 ? safe[..64] : safe;
    }

    private ConfigVersion WriteVersion(string content, string user, DateTimeOffset at)
    {
        var name = FileNameUser(user);
        var time = at.ToUniversalTime();
        // Two saves in the same millisecond get distinct names: the later one a millisecond on.
        for (var attempt = 0; ; attempt++, time = time.AddMilliseconds(1))
        {
            var fileName = $"{BaseName}.{time.ToString(TimeFormat, CultureInfo.InvariantCulture)}.{name}.json";
            var path = Path.Combine(Directory, fileName);
            if (File.Exists(path)) continue;
            try
            {
                WriteAtomically(path, content, overwrite: false);
                return new ConfigVersion(fileName, time, name);
            }
            catch (IOException) when (File.Exists(path) && attempt < 1000)
            {
                // Another process took this name between the check and the rename: try the next millisecond.
            }
        }
    }

    /// <summary>Writes a temporary file in the target's folder, flushes it to disk, then renames it over the target.</summary>
    private static void WriteAtomically(string path, string content, bool overwrite = true)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private ConfigVersion? Parse(string fileName)
    {
        var match = VersionName().Match(fileName);
        if (!match.Success || match.Groups["base"].Value != BaseName) return null;
        return DateTimeOffset.TryParseExact(match.Groups["time"].Value, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new ConfigVersion(fileName, at, match.Groups["user"].Value)
            : null;
    }

    [GeneratedRegex(@"^(?<base>[A-Za-z0-9_-]+)\.(?<time>\d{8}T\d{9}Z)\.(?<user>[A-Za-z0-9_-]{1,64})\.json$")]
    private static partial Regex VersionName();
}
