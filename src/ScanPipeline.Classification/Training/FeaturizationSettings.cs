namespace ScanPipeline.Classification.Training;

/// <summary>How normalised text becomes a feature vector. Recorded in the manifest of every model.</summary>
public sealed record FeaturizationSettings
{
    /// <summary>
    /// Word n-grams of length 1 up to this. Unigrams by default: with the character n-grams beside them, word pairs
    /// added nothing in cross-validation on 10kGNAD (macro-F1 0.784 with 1, 0.779 with 1..2) and cost prediction time.
    /// </summary>
    public int WordNgramMax { get; init; } = 1;

    /// <summary>
    /// Character n-grams from <see cref="CharNgramMin"/> to <see cref="CharNgramMax"/> (robust to OCR errors and German
    /// compounds). One length by default: each length costs about as much at prediction time as all word n-grams
    /// together (ML.NET's n-gram dictionary look-up), and 4-grams alone scored as well as 3..5 in 5-fold
    /// cross-validation on 10kGNAD train/ (macro-F1 0.784 with word unigrams, 0.784 for 3..5 with word pairs) at
    /// about a third of the prediction cost. Hashed 4-gram counts (no IDF) were faster again but scored 0.750.
    /// </summary>
    public int CharNgramMin { get; init; } = 4;

    public int CharNgramMax { get; init; } = 4;

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
