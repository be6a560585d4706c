using System.Diagnostics;
using System.Text;

namespace ScanPipeline.IntegrationTests.Preparation;

/// <summary>The plain tesseract command line, as a user without ScanPipeline would run it: <c>tesseract IMAGE - -l deu+eng</c>, OMP_THREAD_LIMIT=1.</summary>
internal static class TesseractCli
{
    public const string Languages = "deu+eng";

    public static async Task<string> ReadAsync(byte[] image, string extension, CancellationToken ct = default)
    {
        var file = Path.Combine(Path.GetTempPath(), $"scanpipe-accuracy-{Guid.NewGuid():N}{extension}");
        await File.WriteAllBytesAsync(file, image, ct);
        try
        {
            var start = new ProcessStartInfo("tesseract")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var arg in new[] { file, "-", "-l", Languages }) start.ArgumentList.Add(arg);
            start.Environment["OMP_THREAD_LIMIT"] = "1";
            using var process = Process.Start(start) ?? throw new InvalidOperationException("tesseract could not be started");
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (process.ExitCode != 0) throw new InvalidOperationException($"tesseract failed ({process.ExitCode}): {await stderr}");
            return await stdout;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
