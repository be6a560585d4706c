namespace ScanPipeline.IntegrationTests.Preparation;

/// <summary>
/// Bag-of-words F1 over upper-cased alphanumeric tokens: order-insensitive, so reading order and line breaks do
/// not count, only which words were read (each as often as it occurs). The measure the SROIE README asks for.
/// </summary>
internal readonly record struct WordScore(int Matched, int Read, int Expected)
{
    public double Precision => Read == 0 ? 0 : (double)Matched / Read;
    public double Recall => Expected == 0 ? 0 : (double)Matched / Expected;
    public double F1 => Matched == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static WordScore Of(string recognised, string groundTruth)
    {
        var expected = Count(groundTruth);
        var read = Count(recognised);
        var matched = read.Sum(w => Math.Min(w.Value, expected.GetValueOrDefault(w.Key)));
        return new WordScore(matched, read.Values.Sum(), expected.Values.Sum());
    }

    public static IEnumerable<string> Tokens(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToUpperInvariant();
                start = -1;
            }
        }
    }

    private static Dictionary<string, int> Count(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in Tokens(text)) counts[token] = counts.GetValueOrDefault(token) + 1;
        return counts;
    }
}
