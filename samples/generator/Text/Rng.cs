namespace ScanPipeline.SampleGenerator.Text;

/// <summary>
/// Seeded randomness with the helpers the letter templates need. System.Random with a seed uses the
/// same legacy algorithm on every .NET version, so a seed always yields the same letter.
/// </summary>
public sealed class Rng(int seed)
{
    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    /// <summary>An integer from min to max, both included.</summary>
    public int Between(int min, int max) => _random.Next(min, max + 1);

    public double NextDouble() => _random.NextDouble();

    public double Between(double min, double max) => min + (max - min) * _random.NextDouble();

    public bool Chance(double probability) => _random.NextDouble() < probability;

    /// <summary>The value with the given probability, else "" (an empty form field is left out).</summary>
    public string Sometimes(double probability, string value) => Chance(probability) ? value : "";

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public string Pick(params string[] items) => items[_random.Next(items.Length)];

    /// <summary>Digits as text, e.g. Digits(4) = "0147".</summary>
    public string Digits(int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++) chars[i] = (char)('0' + _random.Next(10));
        return new string(chars);
    }

    public string Letters(int count, string alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ")
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++) chars[i] = alphabet[_random.Next(alphabet.Length)];
        return new string(chars);
    }

    /// <summary>Some distinct items in random order.</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int count)
    {
        var pool = items.ToList();
        var result = new List<T>(Math.Min(count, pool.Count));
        while (result.Count < count && pool.Count > 0)
        {
            var i = _random.Next(pool.Count);
            result.Add(pool[i]);
            pool.RemoveAt(i);
        }
        return result;
    }

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A standard normal sample (Box-Muller), for scanner grain.</summary>
    public double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
