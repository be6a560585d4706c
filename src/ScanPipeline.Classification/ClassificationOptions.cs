using System.ComponentModel.DataAnnotations;

namespace ScanPipeline.Classification;

/// <summary>Section "Classification": where the model versions live and how often workers look for a newly promoted one.</summary>
public sealed class ClassificationOptions
{
    public const string Section = "Classification";

    /// <summary>Folder of model versions (models/&lt;version&gt;/ and models/active.json); relative to the working directory.</summary>
    [Required]
    public string ModelsDirectory { get; set; } = "models";

    /// <summary>
    /// How often a running worker reads models/active.json to pick up a promoted or rolled-back model
    /// without a restart. Zero switches hot reload off (the model is loaded once, at start).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Held-out labelled data the promotion gate measures candidate and current model on.</summary>
    [Required]
    public string HeldOutDirectory { get; set; } = "samples/training/test";

    /// <summary>
    /// Labelled data a model is trained from when an admin retrains from the web page (with the recorded
    /// corrections added); relative to the working directory.
    /// </summary>
    [Required]
    public string TrainingDataDirectory { get; set; } = "samples/training/train";
}
