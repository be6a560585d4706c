using System.CommandLine;
using System.Text;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Ocr;

namespace ScanPipeline.Cli.Commands;

/// <summary>
/// <c>scanpipe ocr FILE... [--out DIR]</c>: the recognised text of every page, pages separated by a form
/// feed. Without --out the text goes to stdout (files one after another, also separated by a form feed);
/// with --out each input gets DIR/&lt;name&gt;.txt. Files are recognised concurrently, one engine per thread.
/// </summary>
internal static class OcrCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = Texts.OcrFileArgument, Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo?>("--out") { Description = Texts.OcrOutOption };
        var command = new Command("ocr", Texts.OcrDescription) { files, output };
        command.SetAction((parse, ct) => RunAsync(parse.GetRequiredValue(files), parse.GetValue(output), ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo[] files, DirectoryInfo? output, CancellationToken ct)
    {
        using var host = CliHost.Create(imaging: true);
        var recognizer = host.Get<IDocumentRecognizer>();
        if (output is not null) Directory.CreateDirectory(output.FullName);

        var tasks = files.Select(file => RecognizeAsync(recognizer, file, ct)).ToList();
        var failures = 0;
        var first = true;
        for (var i = 0; i < files.Length; i++)
        {
            var (text, error) = await tasks[i];
            if (error is not null)
            {
                failures++;
                await Console.Error.WriteLineAsync(string.Format(Texts.OcrFailed, files[i].Name, error));
                continue;
            }
            if (output is not null)
            {
                // The output name comes from the input's name, reduced to its file name: no path escapes --out.
                var target = Path.Combine(output.FullName, Path.GetFileNameWithoutExtension(files[i].Name) + ".txt");
                await File.WriteAllTextAsync(target, text, new UTF8Encoding(false), ct);
            }
            else
            {
                if (!first) Console.Out.Write('\f');
                Console.Out.Write(text);
                first = false;
            }
        }
        if (output is null && !first) Console.Out.WriteLine();
        return failures == 0 ? 0 : 1;
    }

    private static async Task<(string? Text, string? Error)> RecognizeAsync(IDocumentRecognizer recognizer, FileInfo file, CancellationToken ct)
    {
        try
        {
            if (!file.Exists) return (null, Texts.FileNotFound);
            return (await CliHost.ExtractTextAsync(recognizer, file.FullName, ct), null);
        }
        catch (PermanentProcessingException ex)
        {
            return (null, $"{ReasonText(ex.ReasonCode)} ({ex.Message})");
        }
    }

    internal static string ReasonText(string reasonCode) => Worker.Resources.ReasonTexts.ForReason(reasonCode);
}
