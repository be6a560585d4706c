using System.Text.Json;
using System.Text.RegularExpressions;

namespace ScanPipeline.Classification.Models;

/// <summary>A stored model version: its folder and manifest.</summary>
public sealed record ModelVersionInfo(string Version, string Directory, ModelManifest Manifest);

/// <summary>One activation: which version, when, and why (promote, rollback, train --activate).</summary>
public sealed record ModelActivation(string Version, DateTimeOffset ActivatedAt, string? Reason = null);

/// <summary>
/// The pointer file models/active.json: the active version and the versions active before it, newest
/// first, so that <see cref="ModelRegistry.Rollback"/> knows where to go back to.
/// </summary>
public sealed record ActiveModelPointer(string Version, DateTimeOffset ActivatedAt, string? Reason = null,
    IReadOnlyList<ModelActivation>? Previous = null)
{
    public IReadOnlyList<ModelActivation> History => Previous ?? [];
}

/// <summary>A version that is already stored: versions are immutable and never overwritten.</summary>
public sealed class ModelVersionExistsException(string version, string modelsDirectory)
    : IOException($"Model version {version} already exists in {modelsDirectory}.")
{
    public string Version { get; } = version;
}

/// <summary>
/// What the registry holds, as <c>scanpipe model list</c> and the admin page show it: the versions (newest
/// first), the active one (null when the pointer is unreadable: nothing is active then), the pointer with its
/// activation history, and folders that look like versions but are not usable.
/// </summary>
public sealed record ModelRegistryState(
    string ModelsDirectory, IReadOnlyList<ModelVersionInfo> Versions, string? Active, ActiveModelPointer? Pointer, string? PointerProblem,
    IReadOnlyList<(string Folder, string Problem)> Problems)
{
    /// <summary>The earlier activations, newest first (empty without a pointer).</summary>
    public IReadOnlyList<ModelActivation> History => Pointer?.History ?? [];

    public ModelVersionInfo? Find(string? version) => Versions.FirstOrDefault(v => v.Version == version);
}

/// <summary>
/// The models folder: one sub-folder per version (models/&lt;version&gt;/ with model.zip and manifest.json)
/// and a pointer file models/active.json {"version": ...} naming the active one. Without a pointer the
/// newest version (by creation time) is active. A pointer that names a missing or broken version is not
/// replaced by another model: loading fails and documents go to verification until an admin acts.
/// Versions are immutable; <see cref="Activate"/> swaps the pointer atomically (temp file + rename).
/// </summary>
public sealed partial class ModelRegistry
{
    public const string ActivePointerFileName = "active.json";

    private static readonly JsonSerializerOptions PointerJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public ModelRegistry(string modelsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelsDirectory);
        ModelsDirectory = Path.GetFullPath(modelsDirectory);
    }

    public string ModelsDirectory { get; }

    private string PointerPath => Path.Combine(ModelsDirectory, ActivePointerFileName);

    /// <summary>Version names are folder names: letters, digits, '.', '_' and '-', starting with a letter or digit.</summary>
    public static bool IsValidVersionName(string? version) => version is not null && VersionPattern().IsMatch(version);

    /// <summary>
    /// Every folder whose manifest can be read and names the folder's own version, newest first.
    /// Folders being written (hidden temp folders) and folders without a readable manifest are not versions.
    /// </summary>
    public IReadOnlyList<ModelVersionInfo> ListVersions() => Scan().Versions;

    /// <summary>Folders that look like versions (they have a manifest.json) but are not usable as one, and why.</summary>
    public IReadOnlyList<(string Folder, string Problem)> ListProblems() => Scan().Problems;

    private (List<ModelVersionInfo> Versions, List<(string Folder, string Problem)> Problems) Scan()
    {
        var versions = new List<ModelVersionInfo>();
        var problems = new List<(string, string)>();
        if (!Directory.Exists(ModelsDirectory)) return (versions, problems);
        foreach (var dir in new DirectoryInfo(ModelsDirectory).EnumerateDirectories())
        {
            if (!IsValidVersionName(dir.Name) || dir.LinkTarget is not null) continue;
            var manifestPath = Path.Combine(dir.FullName, ModelManifest.FileName);
            if (!File.Exists(manifestPath)) continue;
            try
            {
                var manifest = ModelManifest.Read(manifestPath);
                if (manifest.Version == dir.Name) versions.Add(new ModelVersionInfo(dir.Name, dir.FullName, manifest));
                else problems.Add((dir.Name, $"its manifest names version {manifest.Version}"));
            }
            catch (ModelLoadException ex)
            {
                problems.Add((dir.Name, ex.Message));
            }
        }
        return (
            versions.OrderByDescending(v => v.Manifest.CreatedAt).ThenByDescending(v => v.Version, StringComparer.Ordinal).ToList(),
            problems.OrderBy(p => p.Item1, StringComparer.Ordinal).ToList());
    }

    /// <summary>Versions, pointer and problems read in one pass; an unreadable pointer is reported, not thrown.</summary>
    public ModelRegistryState ReadState()
    {
        var (versions, problems) = Scan();
        ActiveModelPointer? pointer = null;
        string? pointerProblem = null;
        try
        {
            pointer = ReadPointer();
        }
        catch (ModelLoadException ex)
        {
            pointerProblem = ex.Message;
        }
        var active = pointerProblem is null ? pointer?.Version ?? versions.FirstOrDefault()?.Version : null;
        return new ModelRegistryState(ModelsDirectory, versions, active, pointer, pointerProblem, problems);
    }

    /// <summary>The pointer's version, or else the newest version; null when there is none.</summary>
    public string? GetActiveVersion() => ReadPointer()?.Version ?? ListVersions().FirstOrDefault()?.Version;

    /// <summary>The pointer file's content; null when there is no pointer. Throws <see cref="ModelLoadException"/> when it is unreadable.</summary>
    public ActiveModelPointer? ReadPointer()
    {
        if (!File.Exists(PointerPath)) return null;
        ActiveModelPointer? pointer;
        try
        {
            pointer = JsonSerializer.Deserialize<ActiveModelPointer>(File.ReadAllText(PointerPath), PointerJson);
        }
        catch (JsonException ex)
        {
            throw new ModelLoadException($"The active-model pointer {PointerPath} is not valid JSON: {ex.Message}", ex);
        }
        // The pointer is a file someone could edit: its content never becomes a path unless it is a plain version name.
        if (pointer is null || !IsValidVersionName(pointer.Version) || pointer.History.Any(p => !IsValidVersionName(p?.Version)))
            throw new ModelLoadException($"The active-model pointer {PointerPath} does not name a valid version.");
        return pointer;
    }

    /// <summary>Loads the active model; throws <see cref="ModelLoadException"/> when there is none or it is unusable.</summary>
    public TrainedModel LoadActive()
    {
        var version = GetActiveVersion();
        if (version is null)
        {
            var problems = ListProblems();
            throw new ModelLoadException(problems.Count == 0
                ? $"No model version in {ModelsDirectory}."
                : $"No usable model version in {ModelsDirectory}: " + string.Join("; ", problems.Select(p => $"{p.Folder}: {p.Problem}")));
        }
        return Load(version);
    }

    /// <summary>Loads one version; throws <see cref="ModelLoadException"/> when it is missing or unusable.</summary>
    public TrainedModel Load(string version)
    {
        if (!IsValidVersionName(version)) throw new ModelLoadException($"'{version}' is not a valid model version name.");
        var directory = Path.Combine(ModelsDirectory, version);
        if (!Directory.Exists(directory)) throw new ModelLoadException($"Model version {version} does not exist in {ModelsDirectory}.");
        var model = TrainedModel.Load(directory);
        if (model.Version != version)
        {
            model.Dispose();
            throw new ModelLoadException($"Folder {directory} holds model {model.Version}, not {version}.");
        }
        return model;
    }

    /// <summary>
    /// Stores a trained model as a new version folder named after its version and returns the folder.
    /// It is written into a hidden temp folder and renamed into place, so a half-written version is never listed.
    /// Does not activate it. Throws <see cref="ModelVersionExistsException"/> when the version is already stored
    /// (the same data and settings trained again on the same day give the same version).
    /// </summary>
    public string Store(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!IsValidVersionName(model.Version)) throw new ArgumentException($"'{model.Version}' is not a valid version name.", nameof(model));
        var target = Path.Combine(ModelsDirectory, model.Version);
        if (Directory.Exists(target)) throw new ModelVersionExistsException(model.Version, ModelsDirectory);

        Directory.CreateDirectory(ModelsDirectory);
        var temp = Path.Combine(ModelsDirectory, $".{model.Version}.{Guid.NewGuid():N}.tmp");
        try
        {
            model.SaveTo(temp);
            Directory.Move(temp, target);
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
        return target;
    }

    /// <summary>
    /// Makes <paramref name="version"/> the active model once it has loaded successfully here. The version
    /// active until now goes to the top of the pointer's history. The pointer is replaced atomically, so a
    /// reader (a running classify worker) sees the old or the new version, never a torn file.
    /// </summary>
    public ActiveModelPointer Activate(string version, string? reason = null, TimeProvider? clock = null)
    {
        EnsureLoads(version);
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var current = ReadPointer();
        IReadOnlyList<ModelActivation> previous;
        if (current is not null)
        {
            if (current.Version == version) return current;
            previous = [new ModelActivation(current.Version, current.ActivatedAt, current.Reason), .. current.History.Take(MaxHistory - 1)];
        }
        else
        {
            // No pointer yet: the newest version was active implicitly; remember it so rollback can return to it.
            var implicitActive = ListVersions().FirstOrDefault()?.Version;
            previous = implicitActive is null || implicitActive == version ? [] : [new ModelActivation(implicitActive, now, "newest")];
        }
        var pointer = new ActiveModelPointer(version, now, reason, previous);
        WritePointer(pointer);
        return pointer;
    }

    /// <summary>
    /// Goes back to the version that was active before the current one: the first entry of the history
    /// that still loads (versions that were deleted or damaged since are skipped and dropped).
    /// Throws <see cref="ModelLoadException"/> when there is no such version; the pointer is then unchanged.
    /// </summary>
    public ActiveModelPointer Rollback(TimeProvider? clock = null)
    {
        var current = ReadPointer() ?? throw new ModelLoadException("No model has been activated yet; there is nothing to roll back.");
        var history = current.History;
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Version == current.Version || !Loads(history[i].Version)) continue;
            var pointer = new ActiveModelPointer(history[i].Version, (clock ?? TimeProvider.System).GetUtcNow(),
                $"rollback from {current.Version}", history.Skip(i + 1).ToList());
            WritePointer(pointer);
            return pointer;
        }
        throw new ModelLoadException($"No earlier model version that still loads is recorded; {current.Version} stays active.");
    }

    /// <summary>How many earlier activations the pointer remembers.</summary>
    public const int MaxHistory = 20;

    private void EnsureLoads(string version)
    {
        using (Load(version))
        {
            // Loaded and checked: a version that cannot serve is never activated.
        }
    }

    private bool Loads(string version)
    {
        try
        {
            EnsureLoads(version);
            return true;
        }
        catch (ModelLoadException)
        {
            return false;
        }
    }

    private void WritePointer(ActiveModelPointer pointer)
    {
        Directory.CreateDirectory(ModelsDirectory);
        var temp = Path.Combine(ModelsDirectory, $".{ActivePointerFileName}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(pointer, PointerJson));
        File.Move(temp, PointerPath, overwrite: true);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\z")]
    private static partial Regex VersionPattern();
}
