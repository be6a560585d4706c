using ScanPipeline.Tests.Infrastructure;
using System.Text;
using ScanPipeline.Classification.Data;
using Xunit;

namespace ScanPipeline.Tests.Classification;

public sealed class LabeledFolderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private void Write(string label, string file, string text, bool bom = false)
    {
        Directory.CreateDirectory(_dir.Combine(label));
        File.WriteAllText(_dir.Combine(label, file), text, new UTF8Encoding(bom));
    }

    private void WriteBytes(string label, string file, byte[] bytes)
    {
        Directory.CreateDirectory(_dir.Combine(label));
        File.WriteAllBytes(_dir.Combine(label, file), bytes);
    }

    [Fact]
    public async Task Reads_text_itself_and_asks_the_extractor_for_scans()
    {
        Write("Bauantrag", "a.txt", "Antrag auf Baugenehmigung für ein Einfamilienhaus", bom: true);
        Write("Bauantrag", "b.TXT", "Bauvoranfrage Flurstück 12");
        WriteBytes("Kita-Anmeldung", "scan.pdf", [0x25, 0x50, 0x44, 0x46]);
        WriteBytes("Kita-Anmeldung", "foto.jpeg", [0xFF, 0xD8, 0xFF]);
        var asked = new List<string>();

        var contents = await LabeledFolder.LoadAsync(_dir.Path, (path, _) =>
        {
            lock (asked) asked.Add(Path.GetFileName(path)); // files are read in parallel
            return Task.FromResult("Anmeldung für einen Betreuungsplatz " + Path.GetFileName(path));
        });

        Assert.Equal(["foto.jpeg", "scan.pdf"], asked.Order(StringComparer.Ordinal));
        Assert.Empty(contents.Skipped);
        Assert.Equal(["Bauantrag", "Kita-Anmeldung"], contents.Labels);
        var first = contents.Examples[0];
        Assert.Equal(("Bauantrag", "Bauantrag/a.txt"), (first.Label, first.Source));
        Assert.Equal("Antrag auf Baugenehmigung für ein Einfamilienhaus", first.Text); // BOM stripped, umlaut intact
        Assert.Matches("^[0-9a-f]{64}$", first.ContentSha256);
        Assert.Equal("Anmeldung für einen Betreuungsplatz foto.jpeg", contents.Examples[2].Text);
    }

    [Fact]
    public async Task Reads_in_parallel_up_to_the_limit_and_keeps_the_sorted_order()
    {
        for (var i = 0; i < 12; i++) WriteBytes(i % 2 == 0 ? "Bauantrag" : "Rechnung", $"scan-{i:00}.pdf", [0x25, 0x50, 0x44, 0x46]);
        var running = 0;
        var mostAtOnce = 0;
        var gate = new Lock();
        var contents = await LabeledFolder.LoadAsync(_dir.Path, async (path, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            lock (gate) mostAtOnce = Math.Max(mostAtOnce, now);
            // Earlier files take longer, so they finish last.
            await Task.Delay(5 * (12 - int.Parse(Path.GetFileNameWithoutExtension(path)[5..])), ct);
            Interlocked.Decrement(ref running);
            return "Text " + Path.GetFileName(path);
        }, progress: null, new LabeledFolderOptions { MaxParallelReads = 3 });

        Assert.Equal(3, mostAtOnce);
        var expected = Enumerable.Range(0, 12).Select(i => (Label: i % 2 == 0 ? "Bauantrag" : "Rechnung", Name: $"scan-{i:00}.pdf"))
            .OrderBy(x => x.Label, StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => $"{x.Label}/{x.Name}");
        Assert.Equal(expected, contents.Examples.Select(e => e.Source));
    }

    [Fact]
    public async Task Labels_are_folder_names_in_nfc()
    {
        var decomposed = "Grundsteuer-Änderung".Normalize(NormalizationForm.FormD); // as copied from macOS
        Assert.NotEqual("Grundsteuer-Änderung", decomposed);
        Write(decomposed, "x.txt", "Änderung des Grundsteuerbescheids");
        var contents = await LabeledFolder.LoadAsync(_dir.Path, ClassificationTestData.NoExtraction);
        Assert.Equal("Grundsteuer-Änderung", Assert.Single(contents.Labels));
        Assert.Equal("Grundsteuer-Änderung/x.txt", contents.Examples[0].Source);
    }

    [Fact]
    public async Task Skips_what_it_cannot_use_and_says_why()
    {
        Write("Bauantrag", "ok.txt", "Bauantrag");
        Write("Bauantrag", "empty.txt", "  \n ");
        Write("Bauantrag", "notes.docx", "Word");
        Write("Bauantrag", ".DS_Store", "finder");
        Write(".git", "HEAD", "ref");
        WriteBytes("Bauantrag", "big.txt", new byte[2048]);
        WriteBytes("Bauantrag", "broken.tif", [1, 2, 3]);
        WriteBytes("Bauantrag", "big.png", new byte[4096]);
        var options = new LabeledFolderOptions { MaxTextFileBytes = 1024, MaxOtherFileBytes = 1024 };

        var contents = await LabeledFolder.LoadAsync(_dir.Path,
            (path, _) => throw new InvalidDataException("not a TIFF"), progress: null, options);

        Assert.Equal(["Bauantrag/ok.txt"], contents.Examples.Select(e => e.Source));
        var reasons = contents.Skipped.ToDictionary(s => s.Source, s => s.Reason);
        Assert.Equal(5, reasons.Count);
        Assert.Equal("no text", reasons["Bauantrag/empty.txt"]);
        Assert.StartsWith("unsupported file type", reasons["Bauantrag/notes.docx"]);
        Assert.StartsWith("file too large", reasons["Bauantrag/big.txt"]);
        Assert.StartsWith("file too large", reasons["Bauantrag/big.png"]);
        Assert.Contains("not a TIFF", reasons["Bauantrag/broken.tif"]);
    }

    [Fact]
    public async Task An_extractor_that_hangs_is_cut_off_and_the_file_skipped()
    {
        WriteBytes("Bauantrag", "hang.pdf", [1]);
        Write("Bauantrag", "ok.txt", "Bauantrag");
        var options = new LabeledFolderOptions { ExtractTimeout = TimeSpan.FromMilliseconds(100) };

        var contents = await LabeledFolder.LoadAsync(_dir.Path, async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return "never";
        }, progress: null, options);

        Assert.Single(contents.Examples);
        Assert.StartsWith("text extraction timed out", Assert.Single(contents.Skipped).Reason);
    }

    [Fact]
    public async Task Reports_progress_and_honours_cancellation()
    {
        for (var i = 0; i < 5; i++) Write("Bauantrag", $"{i}.txt", "Bauantrag " + i);
        var seen = new List<int>();
        var contents = await LabeledFolder.LoadAsync(_dir.Path, ClassificationTestData.NoExtraction, new SyncProgress<int>(seen.Add));
        Assert.Equal([1, 2, 3, 4, 5], seen);
        Assert.Equal(5, contents.Examples.Count);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => LabeledFolder.LoadAsync(_dir.Path, ClassificationTestData.NoExtraction, cancelled.Token));
    }

    [Fact]
    public async Task Missing_folder_is_an_error()
    {
        await Assert.ThrowsAsync<DirectoryNotFoundException>(
            () => LabeledFolder.LoadAsync(_dir.Combine("nope"), ClassificationTestData.NoExtraction));
    }

    [Fact]
    public async Task Reads_the_real_10kgnad_layout()
    {
        var contents = await LabeledFolder.LoadAsync(ClassificationTestData.SharedData("10kgnad", "dev"), ClassificationTestData.NoExtraction);
        Assert.Equal(104, contents.Examples.Count);
        Assert.Equal(9, contents.Labels.Count);
        Assert.Empty(contents.Skipped);
    }
}

/// <summary>IProgress that reports synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
