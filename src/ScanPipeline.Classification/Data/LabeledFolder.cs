using System.Security.Cryptography;
using System.Text;

namespace ScanPipeline.Classification.Data;

/// <summary>Limits for reading a labelled folder: its files are untrusted input.</summary>
public sealed record LabeledFolderOptions
{
    /// <summary>Larger .txt files are skipped (a letter's text is a few kilobytes).</summary>
    public long MaxTextFileBytes { get; init; } = 5L * 1024 * 1024;

    /// <summary>Larger scans and PDFs are skipped before the extractor sees them.</summary>
    public long MaxOtherFileBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Time the extractor gets for one file before the file is skipped.</summary>
    public TimeSpan ExtractTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Files read at the same time (one OCR engine per core does the work): the number of cores by default.</summary>
    public int MaxParallelReads { get; init; } = Environment.ProcessorCount;
}

/// <summary>A file that was not used, and why (English, for the operator's log and the CLI).</summary>
public sealed record SkippedFile(string Source, string Reason);

public sealed record LabeledFolderContents(IReadOnlyList<LabeledText> Examples, IReadOnlyList<SkippedFile> Skipped)
{
    public IReadOnlyList<string> Labels => Examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}

/// <summary>
/// Reads a labelled folder: one sub-folder per label (the document type, e.g. "Bauantrag"), holding
/// .txt, .pdf, .png, .jpg/.jpeg or .tif/.tiff files. Text files are read as UTF-8 here; every other file
/// is handed to the caller's extractor (the CLI passes OCR), so this project stays free of native code.
/// Only the label folders' direct children are read; links, hidden files, unsupported types, files over
/// the size limits, failed or timed-out extractions and files without text are skipped and listed.
/// Labels are the folder names in Unicode NFC (folders copied from macOS arrive decomposed).
/// </summary>
public static class LabeledFolder
{
    public static readonly IReadOnlySet<string> TextExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt" };

    public static readonly IReadOnlySet<string> ExtractedExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff" };

    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static Task<LabeledFolderContents> LoadAsync(
        string directory, Func<string, CancellationToken, Task<string>> extractText, CancellationToken ct = default) =>
        LoadAsync(directory, extractText, progress: null, options: null, ct);

    /// <summary>
    /// Reads only the .txt files; scans and PDFs are skipped with a reason. For processes that do not run OCR
    /// (the web role): a folder of scans is read with <c>scanpipe model train</c>, which OCRs them.
    /// </summary>
    public static Task<LabeledFolderContents> LoadTextFilesAsync(
        string directory, IProgress<int>? progress = null, LabeledFolderOptions? options = null, CancellationToken ct = default) =>
        LoadAsync(directory, (_, _) => throw new NotSupportedException("only .txt files are read here; scans need OCR (scanpipe model train)"),
            progress, options, ct);

    /// <param name="progress">Receives the number of files handled so far (used or skipped).</param>
    public static async Task<LabeledFolderContents> LoadAsync(
        string directory, Func<string, CancellationToken, Task<string>> extractText, IProgress<int>? progress,
        LabeledFolderOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(extractText);
        options ??= new LabeledFolderOptions();
        var root = new DirectoryInfo(directory);
        if (!root.Exists) throw new DirectoryNotFoundException($"Labelled folder not found: {directory}");

        var files = new List<(FileInfo File, string Label, string Source)>();
        foreach (var labelDir in root.EnumerateDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (labelDir.Name.StartsWith('.') || labelDir.LinkTarget is not null) continue;
            var label = labelDir.Name.Normalize(NormalizationForm.FormC);
            foreach (var file in labelDir.EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                if (file.Name.StartsWith('.')) continue;
                files.Add((file, label, label + "/" + file.Name.Normalize(NormalizationForm.FormC)));
            }
        }

        // Files are read (and scans OCRed) in parallel, up to MaxParallelReads at a time; the result keeps the
        // sorted file order, so it does not depend on which read finished first.
        var results = new (LabeledText? Example, string? Reason)[files.Count];
        var handled = 0;
        var progressLock = new Lock();
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelReads), CancellationToken = ct },
            async (i, token) =>
            {
                var (file, label, source) = files[i];
                results[i] = await ReadOneAsync(file, label, source, extractText, options, token).ConfigureAwait(false);
                lock (progressLock) progress?.Report(++handled); // counts arrive in order, one at a time
            }).ConfigureAwait(false);

        var examples = new List<LabeledText>();
        var skipped = new List<SkippedFile>();
        for (var i = 0; i < files.Count; i++)
        {
            if (results[i].Example is { } example) examples.Add(example);
            else skipped.Add(new SkippedFile(files[i].Source, results[i].Reason!));
        }
        return new LabeledFolderContents(examples, skipped);
    }

    private static async Task<(LabeledText? Example, string? Reason)> ReadOneAsync(
        FileInfo file, string label, string source, Func<string, CancellationToken, Task<string>> extractText,
        LabeledFolderOptions options, CancellationToken ct)
    {
        if (file.LinkTarget is not null) return (null, "symbolic link");
        var isText = TextExtensions.Contains(file.Extension);
        if (!isText && !ExtractedExtensions.Contains(file.Extension)) return (null, $"unsupported file type '{file.Extension}'");
        var limit = isText ? options.MaxTextFileBytes : options.MaxOtherFileBytes;
        if (file.Length > limit) return (null, $"file too large ({file.Length} bytes, limit {limit})");

        string text;
        string hash;
        if (isText)
        {
            var bytes = await File.ReadAllBytesAsync(file.FullName, ct).ConfigureAwait(false);
            hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var preamble = bytes.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
            text = LenientUtf8.GetString(bytes, preamble, bytes.Length - preamble);
        }
        else
        {
            await using (var stream = file.OpenRead())
                hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.ExtractTimeout);
            try
            {
                text = await extractText(file.FullName, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return (null, $"text extraction timed out after {options.ExtractTimeout}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return (null, $"text extraction failed: {ex.GetType().Name}: {ex.Message}");
            }
        }

        if (string.IsNullOrWhiteSpace(text)) return (null, "no text");
        return (new LabeledText(label, text, source, hash), null);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
}
