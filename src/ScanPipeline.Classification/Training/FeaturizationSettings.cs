namespace ScanPipeline.Classification.Training;

/// <summary>How normalised text becomes a feature vector. Recorded in the manifest of every model.</summary>
public sealed record FeaturizationSettings
{
    /// <summary>Word n-grams of length 1 up to this.</summary>
    public int WordNgramMax { get; init; } = 2;

    /// <summary>Character n-grams from <see cref="CharNgramMin"/> to <see cref="CharNgramMax"/> (robust to OCR errors and German compounds).</summary>
    public int CharNgramMin { get; init; } = 3;

    public int CharNgramMax { get; init; } = 5;

    /// <summary>N-grams seen in fewer training texts than this are dropped (noise, typos, OCR slips).</summary>
    public int MinDocumentCount { get; init; } = 2;

    public void Validate()
    {
        if (WordNgramMax is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(WordNgramMax), WordNgramMax, "must be 1..3");
        if (CharNgramMin < 1 || CharNgramMax > 8 || CharNgramMin > CharNgramMax)
            throw new ArgumentOutOfRangeException(nameof(CharNgramMin), $"character n-grams {CharNgramMin}..{CharNgramMax} must satisfy 1 <= min <= max <= 8");
        if (MinDocumentCount < 1) throw new ArgumentOutOfRangeException(nameof(MinDocumentCount), MinDocumentCount, "must be at least 1");
    }
}
