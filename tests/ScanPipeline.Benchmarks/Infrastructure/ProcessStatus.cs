using System.Diagnostics;
using System.Globalization;

namespace ScanPipeline.Benchmarks.Infrastructure;

/// <summary>Memory and threads of this process, read from Linux's /proc (sizes in MiB).</summary>
public static class ProcessStatus
{
    /// <summary>Resident set size now (VmRSS).</summary>
    public static double RssMiB() => Field("VmRSS");

    /// <summary>Peak resident set size since the process started (VmHWM, the "high water mark").</summary>
    public static double PeakRssMiB() => Field("VmHWM");

    /// <summary>Thread names (comm, at most 15 characters) of every thread of this process.</summary>
    public static IReadOnlyList<string> ThreadNames() =>
        Directory.EnumerateDirectories("/proc/self/task")
            .Select(task => ReadOrEmpty(Path.Combine(task, "comm")).Trim())
            .ToList();

    /// <summary>
    /// Threads named after the OCR engine threads (ocr-engine-N). A thread that libgomp would start from an
    /// engine thread inherits its name, so more of these than engine threads means OpenMP oversubscribes.
    /// </summary>
    public static int EngineNamedThreads() => ThreadNames().Count(n => n.StartsWith("ocr-engine", StringComparison.Ordinal));

    /// <summary>CPU time (user + system) this process has used.</summary>
    public static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>
    /// CPU time (user + system) of every child process this process has waited for, from /proc/self/stat
    /// (cutime, cstime). Grandchildren count once their parent has waited for them, so around a child run the
    /// difference is the CPU the whole process tree used (tesseract processes; ocrmypdf with its tesseract and
    /// Ghostscript children).
    /// </summary>
    public static TimeSpan ChildrenCpuTime()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        // Fields after "pid (comm) " start with field 3 (state); cutime and cstime are fields 16 and 17.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[16 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[17 - 3], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
    }

    /// <summary>USER_HZ, the unit of /proc/*/stat times: 100 on every Linux architecture .NET runs on.</summary>
    private const int ClockTicksPerSecond = 100;

    private static double Field(string name)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith(name + ":", StringComparison.Ordinal)) continue;
            var kib = line[(name.Length + 1)..].Trim().Split(' ')[0];
            return Math.Round(long.Parse(kib, CultureInfo.InvariantCulture) / 1024.0, 1);
        }
        throw new InvalidOperationException($"/proc/self/status has no {name}");
    }

    private static string ReadOrEmpty(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return ""; } // the thread ended while we listed
        catch (UnauthorizedAccessException) { return ""; }
    }
}
