using System.Reflection;
using System.Runtime.InteropServices;

namespace ScanPipeline.Imaging.Native;

/// <summary>
/// Maps the logical library names used by the bindings to the shared objects of this machine. Runtime-only
/// machines have just the versioned names (the unversioned ones come with the -dev packages), so those are
/// tried first. Before libtesseract (and with it libgomp) is loaded, OMP_THREAD_LIMIT=1 is put into the
/// native environment: OpenMP reads it once, when it initialises.
/// </summary>
internal static class NativeLibraries
{
    public const string Tesseract = "tesseract";
    public const string Leptonica = "leptonica";
    public const string LibC = "libc";
    public const string GnuOpenMp = "gomp";

    private static readonly Dictionary<string, string[]> Candidates = new(StringComparer.Ordinal)
    {
        [Tesseract] = ["libtesseract.so.5", "libtesseract.so"],
        [Leptonica] = ["liblept.so.5", "libleptonica.so.6", "liblept.so"],
        [LibC] = ["libc.so.6"],
        [GnuOpenMp] = ["libgomp.so.1", "libgomp.so"],
    };

    private static readonly Lock Gate = new();
    private static bool registered;

    /// <summary>Registers the resolver for this assembly once; safe to call from any thread, any number of times.</summary>
    public static void EnsureResolverRegistered()
    {
        lock (Gate)
        {
            if (registered) return;
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
            registered = true;
        }
    }

    /// <summary>True when a library can be loaded under one of its names (used to decide whether OCR can run at all).</summary>
    public static bool IsAvailable(string logicalName)
    {
        foreach (var name in Candidates[logicalName])
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                NativeLibrary.Free(handle);
                return true;
            }
        }
        return false;
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!Candidates.TryGetValue(libraryName, out var names)) return IntPtr.Zero;
        // Leptonica pulls in libgomp on Debian, so both must wait until the limit is set.
        if (libraryName is Tesseract or Leptonica or GnuOpenMp) OmpEnvironment.EnsureThreadLimitSet();
        foreach (var name in names)
        {
            if (NativeLibrary.TryLoad(name, assembly, searchPath, out var handle)) return handle;
        }
        throw new DllNotFoundException(
            $"Native library '{libraryName}' not found; tried {string.Join(", ", names)}. Install tesseract-ocr and liblept5 (or libleptonica6).");
    }
}
