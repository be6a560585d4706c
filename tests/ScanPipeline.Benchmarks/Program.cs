using System.Globalization;
using ScanPipeline.Benchmarks;
using ScanPipeline.Benchmarks.Infrastructure;
using ScanPipeline.Benchmarks.Runs;

// ScanPipeline's speed and memory benchmark. Start it with tests/ScanPipeline.Benchmarks/run.sh, which sets up
// the machine, writes the pages and calls "compare". The other commands are the measured child processes.
//   compare    --pages DIR [--repeat R] [--cores C] [--runs a,c,...] [--results FILE]
//   ocr-worker --pages DIR --threads C [--no-pdf]     (c) the OCR stage's recognizer in its own process
//   pipeline   --pages DIR --threads C --data DIR     (d) hot folder to inbox in its own process
//   text-layer --pages DIR --threads C                born-digital PDF pages through the recognizer
//   classify   --model DIR --letters DIR [--train DIR] [--seconds S]   predictions/s on one thread, training time
//              (started by tests/ScanPipeline.Benchmarks/classify.sh)
//   inbox      --data DIR --letters DIR [--documents N] [--repeat R]   inbox list server time at N documents
//              (started by tests/ScanPipeline.Benchmarks/inbox.sh)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
// Redirected output (a file, CI) has no terminal width; Spectre would wrap the table at 80 columns.
if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 180;
var arguments = new Arguments(args);
var command = args.FirstOrDefault() ?? "";
try
{
    switch (command)
    {
        case "compare":
            return await CompareCommand.RunAsync(arguments);
        case "ocr-worker":
            Console.WriteLine((await OcrWorkerRun.RunAsync(BenchmarkPages.Open(arguments.Required("--pages")),
                arguments.Int("--threads", Environment.ProcessorCount), searchablePdf: !arguments.Flag("--no-pdf"))).ToJson());
            return 0;
        case "pipeline":
            Console.WriteLine((await PipelineRun.RunAsync(BenchmarkPages.Open(arguments.Required("--pages")),
                arguments.Int("--threads", Environment.ProcessorCount), arguments.Required("--data"), TimeSpan.FromHours(2))).ToJson());
            return 0;
        case "text-layer":
            Console.WriteLine((await TextLayerRun.RunAsync(BenchmarkPages.Open(arguments.Required("--pages")),
                arguments.Int("--threads", Environment.ProcessorCount))).ToJson());
            return 0;
        case "classify":
            return await ClassifyRun.RunAsync(arguments);
        case "inbox":
            return await InboxRun.RunAsync(arguments);
        default:
            Console.Error.WriteLine("usage: ScanPipeline.Benchmarks compare|ocr-worker|pipeline|text-layer|classify|inbox ... ... (see Program.cs)");
            return 2;
    }
}
catch (Exception error) when (error is InvalidOperationException or ArgumentException or TimeoutException)
{
    Console.Error.WriteLine($"benchmark {command}: {error.Message}");
    return 1;
}
