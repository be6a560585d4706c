namespace ScanPipeline.SampleGenerator.Scans;

/// <summary>How a scanner and the paper changed the page: skew, paper tone, blur, grain, specks.</summary>
public sealed record ScanLook(
    double SkewDegrees,
    byte Paper,
    byte Ink,
    float BlurSigma,
    double Grain,
    int Specks,
    bool EdgeShadow,
    bool Bitonal,
    byte Threshold = 150);
