using System.Text.Json;
using System.Text.RegularExpressions;
using ScanPipeline.Core.Classification;
using ScanPipeline.Core.Documents;

namespace ScanPipeline.Storage;

/// <summary>One artifact of an e-file record and its hash.</summary>
public sealed record EFileArtifact(string FileName, string Sha256, long SizeBytes);

/// <summary>What ScanPipeline writes as a document's metadata.json (and its transfer note).</summary>
public sealed record EFileMetadata(
    string DocumentId,
    string BatchId,
    string ScannerLine,
    string SourceFile,
    string MediaType,
    int PageCount,
    IReadOnlyList<int> PageNumbers,
    string DocumentType,
    double Confidence,
    string Target,
    string RoutingReason,
    string ModelVersion,
    DateTimeOffset ReceivedAt,
    DateTimeOffset FiledAt,
    IReadOnlyList<EFileArtifact> Artifacts,
    TransferNote TransferNote,
    int FormatVersion = EFileMetadata.CurrentFormatVersion,
    DocumentFields? Fields = null,
    string? CaseFileReference = null)
{
    /// <summary>2 added <see cref="Fields"/> (key fields read from the text) and <see cref="CaseFileReference"/> (the linked e-file).</summary>
    public const int CurrentFormatVersion = 2;
}

/// <summary>The scan's transfer note (Transfervermerk, after BSI TR-RESISCAN): who scanned what, where, checks, result.</summary>
public sealed record TransferNote(
    string ScannerLine, DateTimeOffset ScannedAt, string OriginalSha256, int PagesScanned, int PagesInDocument,
    int PagesRemoved, double MeanOcrConfidence, int PagesFromTextLayer, string Result);

/// <summary>
/// The immutable e-file store: a folder per document with the original, the searchable PDF (or page
/// images), the text and metadata.json with SHA-256 hashes of every artifact. A record is assembled in a
/// temp folder and renamed into place, so it is complete or absent. An existing record is never
/// overwritten; filing the same document again changes nothing.
/// </summary>
public sealed partial class EFileStore
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    private readonly string _root;

    public EFileStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    /// <summary>The searchable PDF of a record (when the document has one).</summary>
    public const string PdfFileName = "document.pdf";

    /// <summary>The recognised text of a record.</summary>
    public const string TextFileName = "text.txt";

    [GeneratedRegex("^d-[0-9a-f]{20}$")]
    private static partial Regex DocumentIdPattern();

    /// <summary>Whether <paramref name="value"/> has the form of a document id (d- and 20 hex digits).</summary>
    public static bool IsDocumentId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) => value is not null && DocumentIdPattern().IsMatch(value);

    public string PathFor(string documentId)
    {
        if (!DocumentIdPattern().IsMatch(documentId))
            throw new ArgumentException($"Not a document id: '{documentId}'", nameof(documentId));
        return Path.Combine(_root, documentId[2..4], documentId);
    }

    public bool Exists(string documentId) => File.Exists(Path.Combine(PathFor(documentId), "metadata.json"));

    /// <summary>The path of the record's searchable PDF; the file may not exist.</summary>
    public string PdfPath(string documentId) => Path.Combine(PathFor(documentId), PdfFileName);

    /// <summary>The record's recognised text; empty when the record has none.</summary>
    public string ReadText(string documentId)
    {
        var path = Path.Combine(PathFor(documentId), TextFileName);
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    /// <summary>
    /// Files a document. Artifacts are (file name, bytes); names are fixed by the caller, never taken from
    /// file content. Returns false when the record already existed (nothing written).
    /// </summary>
    public bool Store(EFileMetadata metadataWithoutArtifacts, IReadOnlyList<(string FileName, byte[] Content)> artifacts)
    {
        var final = PathFor(metadataWithoutArtifacts.DocumentId);
        if (Exists(metadataWithoutArtifacts.DocumentId)) return false;

        var parent = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, ".tmp-" + metadataWithoutArtifacts.DocumentId + "-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(temp);
            var written = new List<EFileArtifact>();
            foreach (var (name, content) in artifacts)
            {
                if (name != Path.GetFileName(name) || name.StartsWith('.') || name == "metadata.json")
                    throw new ArgumentException($"Invalid artifact name '{name}'");
                WriteDurably(Path.Combine(temp, name), content);
                written.Add(new EFileArtifact(name, Ids.Sha256Hex(content), content.LongLength));
            }
            var metadata = metadataWithoutArtifacts with { Artifacts = written };
            WriteDurably(Path.Combine(temp, "metadata.json"), JsonSerializer.SerializeToUtf8Bytes(metadata, JsonOptions));

            if (Directory.Exists(final))
            {
                // A crashed earlier attempt can only have left a temp folder, never a partial final one;
                // a final folder without metadata.json is therefore foreign and must not be touched.
                if (Exists(metadataWithoutArtifacts.DocumentId)) return false;
                throw new IOException($"E-file folder {final} exists without metadata.json");
            }
            try
            {
                Directory.Move(temp, final);
            }
            catch (IOException) when (Exists(metadataWithoutArtifacts.DocumentId))
            {
                return false; // a competing worker filed the same document first
            }
            return true;
        }
        catch (IOException ex)
        {
            throw new StoreUnavailableException($"E-file store write failed: {ex.Message}", ex);
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>
    /// Appends a later decision about a filed document (a correction of its type and department) to its
    /// record as corrections/&lt;number&gt;.json. The record itself is never rewritten: what was filed stays as
    /// it was, and what changed afterwards is added beside it. Returns the file name written.
    /// </summary>
    public string AppendCorrection(string documentId, long correctionNumber, object correction)
    {
        if (!Exists(documentId)) throw new InvalidOperationException($"Document {documentId} is not in the e-file store.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(correctionNumber);
        var folder = Path.Combine(PathFor(documentId), "corrections");
        Directory.CreateDirectory(folder);
        var name = $"{correctionNumber:D6}.json";
        var final = Path.Combine(folder, name);
        if (File.Exists(final)) return name; // recorded before: appending is idempotent per correction
        var temp = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            WriteDurably(temp, JsonSerializer.SerializeToUtf8Bytes(correction, JsonOptions));
            File.Move(temp, final);
        }
        catch (IOException ex)
        {
            if (File.Exists(temp)) File.Delete(temp);
            throw new StoreUnavailableException($"E-file store write failed: {ex.Message}", ex);
        }
        return name;
    }

    /// <summary>The corrections appended to a document's record, oldest first (raw JSON).</summary>
    public IReadOnlyList<string> ReadCorrections(string documentId)
    {
        var folder = Path.Combine(PathFor(documentId), "corrections");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList()
            : [];
    }

    public EFileMetadata? ReadMetadata(string documentId)
    {
        var path = Path.Combine(PathFor(documentId), "metadata.json");
        return File.Exists(path)
            ? JsonSerializer.Deserialize<EFileMetadata>(File.ReadAllBytes(path), JsonOptions)
            : null;
    }

    /// <summary>Every filed document id (folders with a complete record).</summary>
    public IEnumerable<string> ListDocumentIds() =>
        Directory.EnumerateDirectories(_root)
            .SelectMany(Directory.EnumerateDirectories)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(id => DocumentIdPattern().IsMatch(id) && Exists(id));

    /// <summary>Checks every artifact's hash against metadata.json; returns the names that do not match.</summary>
    public IReadOnlyList<string> Verify(string documentId)
    {
        var metadata = ReadMetadata(documentId) ?? throw new FileNotFoundException($"No e-file record for {documentId}");
        var folder = PathFor(documentId);
        return metadata.Artifacts
            .Where(a => !File.Exists(Path.Combine(folder, a.FileName))
                        || Ids.Sha256Hex(File.ReadAllBytes(Path.Combine(folder, a.FileName))) != a.Sha256)
            .Select(a => a.FileName)
            .ToList();
    }

    private static void WriteDurably(string path, byte[] content)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }
}
