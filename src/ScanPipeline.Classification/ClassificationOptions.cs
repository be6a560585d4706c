using System.ComponentModel.DataAnnotations;

namespace ScanPipeline.Classification;

/// <summary>Section "Classification": where the model versions live.</summary>
public sealed class ClassificationOptions
{
    public const string Section = "Classification";

    /// <summary>Folder of model versions (models/&lt;version&gt;/ and models/active.json); relative to the working directory.</summary>
    [Required]
    public string ModelsDirectory { get; set; } = "models";
}
