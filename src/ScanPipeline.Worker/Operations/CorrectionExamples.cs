using System.Text;
using ScanPipeline.Classification.Data;
using ScanPipeline.Core.Storage;
using ScanPipeline.Storage;

namespace ScanPipeline.Worker.Operations;

/// <summary>
/// People's corrections as labelled training data, for <c>scanpipe model train --include-corrections</c> and the
/// admin page alike: the latest correction of every document (<see cref="MetadataStore.ListLatestCorrections"/>)
/// becomes one example, the document's recognised text from the blob store with the type a person gave it.
/// </summary>
/// <param name="Examples">One example per corrected document whose text is still stored.</param>
/// <param name="DocumentsWithoutText">Corrected documents whose text is no longer in the blob store (skipped).</param>
public sealed record CorrectionExamples(IReadOnlyList<LabeledText> Examples, IReadOnlyList<string> DocumentsWithoutText)
{
    /// <summary>The source prefix of a correction example: "corrections/&lt;document id&gt;".</summary>
    public const string SourcePrefix = "corrections/";

    public static async Task<CorrectionExamples> LoadAsync(MetadataStore metadata, IBlobStore blobs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(blobs);
        var examples = new List<LabeledText>();
        var missing = new List<string>();
        foreach (var correction in metadata.ListLatestCorrections())
        {
            if (!blobs.Exists(correction.TextSha256))
            {
                missing.Add(correction.DocumentId);
                continue;
            }
            var text = Encoding.UTF8.GetString(await blobs.GetAsync(correction.TextSha256, ct).ConfigureAwait(false));
            examples.Add(new LabeledText(correction.CorrectedType, text, SourcePrefix + correction.DocumentId, correction.TextSha256));
        }
        return new CorrectionExamples(examples, missing);
    }
}
