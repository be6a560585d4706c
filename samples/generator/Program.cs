using ScanPipeline.SampleGenerator.Batches;
using ScanPipeline.SampleGenerator.Corpus;
using ScanPipeline.SampleGenerator.Scans;

// Usage (from the repository root):
//   dotnet run --project samples/generator -- [corpus|scans|batches|all] [--out samples]
//   dotnet run --project samples/generator -- ood [--out samples]   (only samples/training/ood; corpus writes it too)
//   dotnet run --project samples/generator -- pages --count N --out DIR    (the speed benchmark's pages)
//   dotnet run --project samples/generator -- letters --count N --out DIR  (N letters as text, types in turn; training speed)
//   dotnet run --project samples/generator -- test-scans --out DIR         (samples/training/test as noisy scanned TIFFs)
// Everything is derived from fixed seeds, so a rerun rewrites the same files.
var command = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var outIndex = Array.IndexOf(args, "--out");
var samplesDir = Path.GetFullPath(outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : "samples");

switch (command)
{
    case "corpus":
        CorpusWriter.Write(Path.Combine(samplesDir, "training"));
        break;
    case "ood":
        OutOfDomainWriter.Write(Path.Combine(samplesDir, "training", "ood"));
        break;
    case "scans":
        ScanSetWriter.Write(Path.Combine(samplesDir, "scans"));
        break;
    case "batches":
        BatchSetWriter.Write(Path.Combine(samplesDir, "batches"));
        break;
    case "pages" or "letters" or "test-scans":
        // Here --out is the folder the files go to, and it is replaced: required, so it never defaults to samples/.
        if (outIndex < 0)
        {
            Console.Error.WriteLine($"{command} needs --out <dir> (the folder is replaced)");
            return 2;
        }
        var countIndex = Array.IndexOf(args, "--count");
        var count = countIndex >= 0 && countIndex + 1 < args.Length && int.TryParse(args[countIndex + 1], out var n) ? n : 0;
        switch (command)
        {
            case "pages": BenchmarkPagesWriter.Write(samplesDir, count > 0 ? count : 60); break;
            case "letters": CorpusWriter.WriteBulk(samplesDir, count > 0 ? count : 10_000); break;
            default: HeldOutScansWriter.Write(samplesDir); break;
        }
        break;
    case "all":
        CorpusWriter.Write(Path.Combine(samplesDir, "training"));
        ScanSetWriter.Write(Path.Combine(samplesDir, "scans"));
        BatchSetWriter.Write(Path.Combine(samplesDir, "batches"));
        break;
    default:
        Console.Error.WriteLine("usage: ScanPipeline.SampleGenerator [corpus|ood|scans|batches|all] [--out <samples dir>] | pages|letters --count N --out <dir> | test-scans --out <dir>");
        return 2;
}
return 0;
