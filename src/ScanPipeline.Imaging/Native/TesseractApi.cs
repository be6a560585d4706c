using System.Runtime.InteropServices;

namespace ScanPipeline.Imaging.Native;

/// <summary>
/// libtesseract's C API (capi.h), only the calls the pipeline uses. C BOOL is int; strings returned by
/// Get*Text are owned by Tesseract and must go back through TessDeleteText.
/// </summary>
internal static partial class TesseractApi
{
    static TesseractApi() => NativeLibraries.EnsureResolverRegistered();

    public const int PageSegModeAuto = 3;

    /// <summary>Orientation and script detection only (the mode of the OSD engine).</summary>
    public const int PageSegModeOsdOnly = 0;

    /// <summary>TessPageIteratorLevel: one word.</summary>
    public const int LevelWord = 3;

    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial TessBaseApiHandle TessBaseAPICreate();

    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial void TessBaseAPIDelete(IntPtr handle);

    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial void TessBaseAPIEnd(IntPtr handle);

    /// <returns>0 on success.</returns>
    [LibraryImport(NativeLibraries.Tesseract, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPIInit3(TessBaseApiHandle handle, string dataPath, string language);

    [LibraryImport(NativeLibraries.Tesseract, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPISetVariable(TessBaseApiHandle handle, string name, string value);

    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial void TessBaseAPISetPageSegMode(TessBaseApiHandle handle, int mode);

    /// <summary>Tesseract clones the Pix; the caller keeps ownership of its own.</summary>
    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial void TessBaseAPISetImage2(TessBaseApiHandle handle, PixHandle pix);

    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial void TessBaseAPISetSourceResolution(TessBaseApiHandle handle, int ppi);

    /// <summary>Sets the input file name; the PDF renderer embeds a JPEG file named here unchanged.</summary>
    [LibraryImport(NativeLibraries.Tesseract, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void TessBaseAPISetInputName(TessBaseApiHandle handle, string? name);

    /// <returns>0 on success; -1 when recognition failed or the monitor's deadline passed.</returns>
    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial int TessBaseAPIRecognize(TessBaseApiHandle handle, TessMonitorHandle monitor);

    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial IntPtr TessBaseAPIGetUTF8Text(TessBaseApiHandle handle);

    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial int TessBaseAPIMeanTextConf(TessBaseApiHandle handle);

    /// <summary>
    /// The last recognised page as an hOCR fragment (one <c>ocr_page</c> div). <paramref name="pageNumber"/> (0-based)
    /// goes into the element ids and <c>ppageno</c>. Free the result with <see cref="TessDeleteText"/>.
    /// </summary>
    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial IntPtr TessBaseAPIGetHOCRText(TessBaseApiHandle handle, int pageNumber);

    /// <summary>
    /// Orientation and script detection on the image set (the engine must be initialised with "osd").
    /// <paramref name="orientationDegrees"/> is how far the page was turned clockwise (0, 90, 180, 270);
    /// <paramref name="scriptName"/> points into Tesseract's memory and is not freed.
    /// </summary>
    /// <returns>Non-zero when detection found enough text to decide.</returns>
    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial int TessBaseAPIDetectOrientationScript(TessBaseApiHandle handle, out int orientationDegrees,
        out float orientationConfidence, out IntPtr scriptName, out float scriptConfidence);

    /// <summary>Iterator over the last recognition result, or NULL; free with <see cref="TessResultIteratorDelete"/>.</summary>
    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial IntPtr TessBaseAPIGetIterator(TessBaseApiHandle handle);

    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial void TessResultIteratorDelete(IntPtr iterator);

    /// <summary>The same iterator seen as a page iterator (not a new object: never freed on its own).</summary>
    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial IntPtr TessResultIteratorGetPageIterator(IntPtr iterator);

    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial int TessPageIteratorNext(IntPtr iterator, int level);

    /// <summary>The current element's box in image pixels (left, top, right, bottom).</summary>
    /// <returns>0 when the iterator is past the last element (also on an empty page).</returns>
    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial int TessPageIteratorBoundingBox(IntPtr iterator, int level, out int left, out int top, out int right, out int bottom);

    /// <summary>The library's version, e.g. "5.3.0" (static string, not freed).</summary>
    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial IntPtr TessVersion();

    /// <summary>Frees recognition results and the image; the loaded language model stays.</summary>
    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial void TessBaseAPIClear(TessBaseApiHandle handle);

    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial void TessDeleteText(IntPtr text);

    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial TessMonitorHandle TessMonitorCreate();

    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial void TessMonitorDelete(IntPtr monitor);

    /// <summary>The deadline counts from this call.</summary>
    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial void TessMonitorSetDeadlineMSecs(TessMonitorHandle monitor, int deadline);

    /// <summary>Writes outputbase + ".pdf"; needs pdf.ttf in <paramref name="dataDir"/>.</summary>
    [LibraryImport(NativeLibraries.Tesseract, StringMarshalling = StringMarshalling.Utf8)]
    public static partial TessRendererHandle TessPDFRendererCreate(string outputBase, string dataDir, int textOnly);

    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial void TessDeleteResultRenderer(IntPtr renderer);

    [LibraryImport(NativeLibraries.Tesseract, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessResultRendererBeginDocument(TessRendererHandle renderer, string title);

    /// <summary>Adds the page last recognised by <paramref name="api"/> (its image and its words).</summary>
    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial int TessResultRendererAddImage(TessRendererHandle renderer, TessBaseApiHandle api);

    [LibraryImport(NativeLibraries.Tesseract)]
    public static partial int TessResultRendererEndDocument(TessRendererHandle renderer);

    /// <summary>
    /// A TessBaseAPI with <paramref name="languages"/> loaded from <paramref name="tessdataPath"/> and set to
    /// <paramref name="pageSegMode"/>, its chatter ("Estimating resolution ...") sent to /dev/null instead of stderr.
    /// Throws with <paramref name="what"/> (what was being loaded) when the models cannot be loaded.
    /// </summary>
    public static TessBaseApiHandle CreateInitialised(string tessdataPath, string languages, int pageSegMode, string what)
    {
        var api = TessBaseAPICreate();
        if (api.IsInvalid) throw new InvalidOperationException("TessBaseAPICreate returned no engine.");
        try
        {
            if (TessBaseAPIInit3(api, tessdataPath, languages) != 0)
                throw new InvalidOperationException($"Tesseract could not load {what} from '{tessdataPath}'.");
            TessBaseAPISetPageSegMode(api, pageSegMode);
            TessBaseAPISetVariable(api, "debug_file", "/dev/null");
            return api;
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    /// <summary>Copies a string Tesseract allocated and frees the original.</summary>
    public static string TakeText(IntPtr text)
    {
        if (text == IntPtr.Zero) return "";
        try { return Marshal.PtrToStringUTF8(text) ?? ""; }
        finally { TessDeleteText(text); }
    }
}

internal sealed class TessBaseApiHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        TesseractApi.TessBaseAPIEnd(handle);
        TesseractApi.TessBaseAPIDelete(handle);
        return true;
    }
}

internal sealed class TessMonitorHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        TesseractApi.TessMonitorDelete(handle);
        return true;
    }
}

internal sealed class TessRendererHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        TesseractApi.TessDeleteResultRenderer(handle);
        return true;
    }
}
