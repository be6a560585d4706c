using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Options;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Ocr;
using ScanPipeline.Imaging;

namespace ScanPipeline.Cli.Commands;

/// <summary>
/// <c>scanpipe ocr FILE... [--out DIR] [--hocr] [--pdf]</c>: the recognised text of every page, pages separated by
/// a form feed. Without --out the text goes to stdout (files one after another, also separated by a form feed);
/// with --out each input gets DIR/&lt;name&gt;.txt, and with --hocr / --pdf also &lt;name&gt;.hocr (word boxes and
/// confidences) and &lt;name&gt;.pdf (searchable PDF of the corrected pages). Scanned pages are turned upright and
/// straightened as in the pipeline. Files are recognised concurrently, one engine per thread; only a few files are
/// held in memory at a time.
/// </summary>
internal static class OcrCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = Texts.OcrFileArgument, Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo?>("--out") { Description = Texts.OcrOutOption };
        var hocr = new Option<bool>("--hocr") { Description = Texts.OcrHocrOption };
        var pdf = new Option<bool>("--pdf") { Description = Texts.OcrPdfOption };
        var command = new Command("ocr", Texts.OcrDescription) { files, output, hocr, pdf };
        command.SetAction((parse, ct) => RunAsync(parse.GetRequiredValue(files), parse.GetValue(output),
            new Outputs(parse.GetValue(hocr), parse.GetValue(pdf)), ct));
        return command;
    }

    /// <summary>Which files besides the text are written for each input.</summary>
    private sealed record Outputs(bool Hocr, bool Pdf);

    private sealed record Result(string? Text, string? Error, string? Notice);

    private static async Task<int> RunAsync(FileInfo[] files, DirectoryInfo? output, Outputs outputs, CancellationToken ct)
    {
        if (output is null && (outputs.Hocr || outputs.Pdf))
        {
            await Console.Error.WriteLineAsync(Texts.OcrOutputsNeedOut);
            return 2;
        }
        // The output name is the input's file name without its extension, so two inputs must not share it.
        var clash = files.GroupBy(f => Path.GetFileNameWithoutExtension(f.Name), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (output is not null && clash is not null)
        {
            await Console.Error.WriteLineAsync(string.Format(Texts.OcrOutputNameClash, clash.Key, string.Join(", ", clash.Select(f => f.Name))));
            return 2;
        }

        using var host = CliHost.Create(imaging: true);
        var recognizer = host.Get<IDocumentRecognizer>();
        if (output is not null) Directory.CreateDirectory(output.FullName);

        // Enough files in flight to keep every engine busy while the next one is read and parsed, no more.
        using var slots = new SemaphoreSlim(host.Get<IOptions<ImagingOptions>>().Value.EngineThreads + 1);
        var tasks = files.Select(file => ProcessAsync(recognizer, file, output, outputs, slots, ct)).ToList();
        var failures = 0;
        var first = true;
        for (var i = 0; i < files.Length; i++)
        {
            var result = await tasks[i];
            if (result.Notice is not null) await Console.Error.WriteLineAsync(result.Notice);
            if (result.Error is not null)
            {
                failures++;
                await Console.Error.WriteLineAsync(string.Format(Texts.OcrFailed, files[i].Name, result.Error));
                continue;
            }
            if (output is null)
            {
                if (!first) Console.Out.Write('\f');
                Console.Out.Write(result.Text);
                first = false;
            }
        }
        if (output is null && !first) Console.Out.WriteLine();
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Recognises one file and, with --out, writes its files at once (so results are not held until the end).</summary>
    private static async Task<Result> ProcessAsync(IDocumentRecognizer recognizer, FileInfo file, DirectoryInfo? output, Outputs outputs,
        SemaphoreSlim slots, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try
        {
            if (!file.Exists) return new Result(null, Texts.FileNotFound, null);
            var content = await File.ReadAllBytesAsync(file.FullName, ct);
            var mediaType = MediaTypes.Sniff(content.AsSpan(0, Math.Min(content.Length, 1024)));
            if (mediaType is null)
            {
                // A plain text file passes through, as in classify and model train.
                var text = await CliHost.ExtractTextAsync(recognizer, file.FullName, ct);
                if (output is not null) await WriteAsync(output, file, ".txt", Encoding.UTF8.GetBytes(text), ct);
                return new Result(text, null, null);
            }

            var document = await recognizer.RecognizeAsync(content, mediaType, pageNumbers: null, makeSearchablePdf: outputs.Pdf, ct);
            if (output is null) return new Result(document.FullText, null, null);

            await WriteAsync(output, file, ".txt", Encoding.UTF8.GetBytes(document.FullText), ct);
            if (outputs.Pdf)
            {
                // A PDF read entirely from its text layer is already searchable: it is copied as it is.
                var pdf = document.SearchablePdf ?? (mediaType == MediaTypes.Pdf ? content : null);
                if (pdf is not null) await WriteAsync(output, file, ".pdf", pdf, ct);
            }
            string? notice = null;
            if (outputs.Hocr)
            {
                if (document.Hocr is { } hocr) await WriteAsync(output, file, ".hocr", Encoding.UTF8.GetBytes(hocr), ct);
                else notice = string.Format(Texts.OcrNoHocrForTextLayer, file.Name);
            }
            return new Result(document.FullText, null, notice);
        }
        catch (PermanentProcessingException ex)
        {
            return new Result(null, $"{ReasonText(ex.ReasonCode)} ({ex.Message})", null);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>The output name comes from the input's name, reduced to its file name: no path escapes --out.</summary>
    private static Task WriteAsync(DirectoryInfo output, FileInfo input, string extension, byte[] content, CancellationToken ct) =>
        File.WriteAllBytesAsync(Path.Combine(output.FullName, Path.GetFileNameWithoutExtension(input.Name) + extension), content, ct);

    internal static string ReasonText(string reasonCode) => Worker.Resources.ReasonTexts.ForReason(reasonCode);
}
