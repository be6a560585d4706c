using System.Runtime.InteropServices;

namespace ScanPipeline.Imaging.Native;

/// <summary>libgomp, only to read the thread limit OpenMP actually applies.</summary>
internal static partial class OpenMp
{
    static OpenMp() => NativeLibraries.EnsureResolverRegistered();

    [LibraryImport(NativeLibraries.GnuOpenMp, EntryPoint = "omp_get_thread_limit")]
    public static partial int GetThreadLimit();
}
