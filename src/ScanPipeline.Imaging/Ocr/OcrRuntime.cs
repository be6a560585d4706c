using ScanPipeline.Imaging.Native;

namespace ScanPipeline.Imaging.Ocr;

/// <summary>Process-wide facts about the native OCR runtime.</summary>
public static class OcrRuntime
{
    /// <summary>
    /// Puts OMP_THREAD_LIMIT=1 into the native environment unless the operator set a value. Must run before
    /// libgomp is loaded by anything in the process (Tesseract, leptonica, LightGBM); AddImaging calls it.
    /// </summary>
    public static void PrepareEnvironment() => OmpEnvironment.EnsureThreadLimitSet();

    /// <summary>
    /// The thread limit OpenMP actually applies (libgomp's omp_get_thread_limit). 1 when the limit is in
    /// effect; int.MaxValue when OpenMP runs unbounded (and Tesseract 4 to 5 times slower).
    /// </summary>
    public static int OmpThreadLimit
    {
        get
        {
            PrepareEnvironment();
            return OpenMp.GetThreadLimit();
        }
    }

    /// <summary>True when libtesseract and leptonica can be loaded on this machine.</summary>
    public static bool IsTesseractAvailable
    {
        get
        {
            PrepareEnvironment();
            return NativeLibraries.IsAvailable(NativeLibraries.Tesseract) && NativeLibraries.IsAvailable(NativeLibraries.Leptonica);
        }
    }
}
