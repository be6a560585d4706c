using System.Runtime.InteropServices;

namespace ScanPipeline.Imaging.Native;

/// <summary>
/// Puts OMP_THREAD_LIMIT=1 into the process's native environment. Environment.SetEnvironmentVariable only
/// changes .NET's copy, which libgomp never sees; libc's setenv changes the one libgomp reads when it loads.
/// overwrite=0 keeps a value the operator has set.
/// </summary>
internal static partial class OmpEnvironment
{
    static OmpEnvironment() => NativeLibraries.EnsureResolverRegistered();

    public const string VariableName = "OMP_THREAD_LIMIT";
    private static readonly Lock Gate = new();
    private static bool done;

    public static void EnsureThreadLimitSet()
    {
        lock (Gate)
        {
            if (done) return;
            if (setenv(VariableName, "1", overwrite: 0) != 0)
                throw new InvalidOperationException($"setenv({VariableName}) failed with errno {Marshal.GetLastSystemError()}.");
            done = true;
        }
    }

    // libc is loaded by every .NET process on Linux; it goes through the same resolver as the other libraries.
    [LibraryImport(NativeLibraries.LibC, EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int setenv(string name, string value, int overwrite);
}
