using System.Text;
using ScanPipeline.SampleGenerator.Letters;

namespace ScanPipeline.SampleGenerator.Corpus;

/// <summary>
/// Writes samples/training: train/&lt;Type&gt;/s&lt;seed&gt;.txt (75 per type), the held-out
/// test/&lt;Type&gt;/s&lt;seed&gt;.txt (25 per type, other seeds), labels.json and the out-of-domain
/// letters ood/&lt;Kind&gt;/s&lt;seed&gt;.txt (<see cref="OutOfDomainWriter"/>).
/// </summary>
public static class CorpusWriter
{
    public const int TrainPerType = 75;
    public const int TestPerType = 25;

    /// <summary>Seed ranges; a letter's seed is base + 1000 × type index + number. Scans use <see cref="Seeds.Scans"/>.</summary>
    public static class Seeds
    {
        public const int Train = 100_000;
        public const int Test = 200_000;
        public const int Scans = 300_000;
        public const int Benchmark = 400_000;
        public const int OutOfDomain = 500_000;

        /// <summary>Bulk letters (<see cref="WriteBulk"/>): seed = base + 100,000 × type index + number, far from every other range.</summary>
        public const int Bulk = 10_000_000;
    }

    public static int SeedFor(int seedBase, int typeIndex, int number) => seedBase + 1000 * typeIndex + number;

    public static void Write(string trainingDir)
    {
        WriteSplit(Path.Combine(trainingDir, "train"), Seeds.Train, TrainPerType);
        WriteSplit(Path.Combine(trainingDir, "test"), Seeds.Test, TestPerType);
        WriteLabels(Path.Combine(trainingDir, "labels.json"));
        OutOfDomainWriter.Write(Path.Combine(trainingDir, "ood"));
    }

    /// <summary>
    /// Writes <paramref name="count"/> letters as &lt;dir&gt;/&lt;Type&gt;/b&lt;seed&gt;.txt, the types taken in turn
    /// (for the training-speed benchmark; the folder is replaced). Seeds come from their own range, so no bulk
    /// letter repeats a training, test or scan letter.
    /// </summary>
    public static void WriteBulk(string dir, int count)
    {
        if (count is < 1 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(count), count, "1..1,000,000 letters");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        foreach (var template in DocumentTypes.All) Directory.CreateDirectory(Path.Combine(dir, template.Name));
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Parallel.For(0, count, i =>
        {
            var typeIndex = i % DocumentTypes.All.Count;
            var number = i / DocumentTypes.All.Count;
            var seed = Seeds.Bulk + 100_000 * typeIndex + number;
            var template = DocumentTypes.All[typeIndex];
            var letter = LetterBuilder.Build(template, seed, longVersion: number % 10 == 9);
            File.WriteAllText(Path.Combine(dir, template.Name, $"b{seed}.txt"), letter.ToPlainText(), utf8);
        });
        Console.WriteLine($"{dir}: {count} letters over {DocumentTypes.All.Count} types");
    }

    private static void WriteSplit(string dir, int seedBase, int perType)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        for (var t = 0; t < DocumentTypes.All.Count; t++)
        {
            var template = DocumentTypes.All[t];
            var typeDir = Path.Combine(dir, template.Name);
            Directory.CreateDirectory(typeDir);
            for (var i = 0; i < perType; i++)
            {
                var seed = SeedFor(seedBase, t, i);
                // Every tenth letter is a long version, so lengths vary as in real post.
                var letter = LetterBuilder.Build(template, seed, longVersion: i % 10 == 9);
                File.WriteAllText(Path.Combine(typeDir, $"s{seed}.txt"), letter.ToPlainText(), utf8);
            }
        }
        Console.WriteLine($"{dir}: {DocumentTypes.All.Count} types × {perType} letters");
    }

    private static void WriteLabels(string path)
    {
        var departments = DocumentTypes.All
            .Select(t => new { code = t.DepartmentCode, name = t.DepartmentName })
            .Distinct()
            .ToList();
        var labels = DocumentTypes.All
            .Select(t => new { documentType = t.Name, department = t.DepartmentCode, departmentName = t.DepartmentName })
            .ToList();
        Json.Write(path, new
        {
            description = "Document types of the synthetic training corpus and the KGSt-style office each is routed to. Source for routing-rules.json.",
            departments,
            labels,
        });
        Console.WriteLine($"{path}: {labels.Count} labels, {departments.Count} departments");
    }
}
