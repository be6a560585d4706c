using ScanPipeline.SampleGenerator.Batches;
using ScanPipeline.SampleGenerator.Corpus;
using ScanPipeline.SampleGenerator.Scans;

// Usage (from the repository root):
//   dotnet run --project samples/generator -- [corpus|scans|batches|all] [--out samples]
// Everything is derived from fixed seeds, so a rerun rewrites the same files.
var command = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var outIndex = Array.IndexOf(args, "--out");
var samplesDir = Path.GetFullPath(outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : "samples");

switch (command)
{
    case "corpus":
        CorpusWriter.Write(Path.Combine(samplesDir, "training"));
        break;
    case "scans":
        ScanSetWriter.Write(Path.Combine(samplesDir, "scans"));
        break;
    case "batches":
        BatchSetWriter.Write(Path.Combine(samplesDir, "batches"));
        break;
    case "all":
        CorpusWriter.Write(Path.Combine(samplesDir, "training"));
        ScanSetWriter.Write(Path.Combine(samplesDir, "scans"));
        BatchSetWriter.Write(Path.Combine(samplesDir, "batches"));
        break;
    default:
        Console.Error.WriteLine("usage: ScanPipeline.SampleGenerator [corpus|scans|batches|all] [--out <samples dir>]");
        return 2;
}
return 0;
