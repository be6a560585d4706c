using System.Text;
using ScanPipeline.SampleGenerator.Letters;
using ScanPipeline.SampleGenerator.Letters.OutOfDomain;

namespace ScanPipeline.SampleGenerator.Corpus;

/// <summary>
/// Writes samples/training/ood/&lt;Kind&gt;/s&lt;seed&gt;.txt: post that is none of the document types
/// (adverts, private letters, blank forms, newsletters, invitations, survey requests), 12 per kind.
/// Never used for training: <c>model evaluate --ood</c> measures how many of them go to verification.
/// </summary>
public static class OutOfDomainWriter
{
    public const int PerKind = 12;

    public static void Write(string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        for (var k = 0; k < OutOfDomainKind.All.Count; k++)
        {
            var kind = OutOfDomainKind.All[k];
            var kindDir = Path.Combine(dir, kind.Name);
            Directory.CreateDirectory(kindDir);
            for (var i = 0; i < PerKind; i++)
            {
                var seed = CorpusWriter.SeedFor(CorpusWriter.Seeds.OutOfDomain, k, i);
                var letter = LetterBuilder.Build(kind, seed, longVersion: i % 6 == 5);
                File.WriteAllText(Path.Combine(kindDir, $"s{seed}.txt"), letter.ToPlainText(), utf8);
            }
        }
        Console.WriteLine($"{dir}: {OutOfDomainKind.All.Count} kinds × {PerKind} out-of-domain letters");
    }
}
