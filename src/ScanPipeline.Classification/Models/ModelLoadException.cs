namespace ScanPipeline.Classification.Models;

/// <summary>A model folder that cannot be used: missing, corrupt or made for another format.</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string message) : base(message) { }

    public ModelLoadException(string message, Exception inner) : base(message, inner) { }
}
