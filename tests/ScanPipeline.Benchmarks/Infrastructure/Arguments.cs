using System.Globalization;

namespace ScanPipeline.Benchmarks.Infrastructure;

/// <summary>The few "--name value" options of the benchmark's commands.</summary>
public sealed class Arguments(string[] args)
{
    public string? Value(string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public string Required(string name) => Value(name) ?? throw new ArgumentException($"{name} is required");

    public int Int(string name, int fallback) =>
        Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => args.Contains(name);
}
