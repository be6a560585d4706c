using System.ComponentModel.DataAnnotations;

namespace ScanPipeline.Storage;

/// <summary>Section "Storage": where the embedded stores keep their data.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Root of blobs, e-file store, quarantine and the SQLite database.</summary>
    [Required]
    public string DataDirectory { get; set; } = "var/data";

    public string BlobDirectory => Path.Combine(Path.GetFullPath(DataDirectory), "blobs");
    public string EFileDirectory => Path.Combine(Path.GetFullPath(DataDirectory), "efile");
    public string QuarantineDirectory => Path.Combine(Path.GetFullPath(DataDirectory), "quarantine");
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "scanpipe.db");
}
