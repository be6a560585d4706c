using System.Security.Cryptography;
using System.Text;

namespace ScanPipeline.Classification.Data;

/// <summary>
/// One training or test example: its label (document type), its raw text, where it came from and the
/// SHA-256 of its content (of the source file's bytes when loaded from a folder). The hash identifies
/// the example in the training-data hash of a model manifest.
/// </summary>
public sealed record LabeledText(string Label, string Text, string Source, string ContentSha256)
{
    /// <summary>An example that did not come from a file: its content hash is the hash of the UTF-8 text.</summary>
    public static LabeledText FromText(string label, string text, string? source = null) =>
        new(label, text, source ?? "", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
}
