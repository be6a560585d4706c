using System.ComponentModel.DataAnnotations;

namespace ScanPipeline.Imaging.Analysis;

/// <summary>Section "Analysis": how pages are looked at before a batch is cut into documents.</summary>
public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>Resolution of the grey copy that blank detection and barcode reading use. 150 dpi finds every separator code at a quarter of the cost of 300.</summary>
    [Range(72, 300)]
    public int Dpi { get; set; } = 150;

    /// <summary>A page with less ink than this (mm², after noise, holes and edges are discounted) is blank. One handwritten word is about 10 mm².</summary>
    [Range(0.0, 1000.0)]
    public double BlankMaxInkSquareMillimetres { get; set; } = BlankDetectionSettings.Default.MaxInkSquareMillimetres;
}
