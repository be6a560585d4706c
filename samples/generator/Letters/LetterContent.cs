using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters;

/// <summary>
/// The type-specific part of a letter, written by a <see cref="DocumentTemplate"/>. The
/// <see cref="LetterBuilder"/> wraps it in sender, recipient, date, salutation and closing.
/// </summary>
public sealed class LetterContent
{
    public required string Subject { get; init; }

    /// <summary>Further subject lines, e.g. "Ihr Bescheid vom 12.01.2026".</summary>
    public List<string> SubjectLines { get; } = [];

    /// <summary>References such as Aktenzeichen, Kassenzeichen, Rechnungsnummer.</summary>
    public List<Field> References { get; } = [];

    public List<Block> Body { get; } = [];

    public List<string> Enclosures { get; } = [];

    /// <summary>Pages after the signature, e.g. a CV behind an application.</summary>
    public List<Block> Appendix { get; } = [];

    /// <summary>A form has no salutation and often no closing phrase.</summary>
    public bool FormStyle { get; init; }

    public string? Closing { get; set; }

    /// <summary>A salutation of the letter's own (e.g. "Liebe Anna,"); null = one of the usual formal ones.</summary>
    public string? Salutation { get; init; }

    public LetterContent P(string text)
    {
        Body.Add(new TextBlock(BlockKind.Paragraph, [text]));
        return this;
    }

    /// <summary>Adds the paragraph with the given probability.</summary>
    public LetterContent Maybe(Rng rng, double chance, Func<string> text)
    {
        if (rng.Chance(chance)) P(text());
        return this;
    }

    public LetterContent Heading(string text)
    {
        Body.Add(new TextBlock(BlockKind.Heading, [text]));
        return this;
    }

    public LetterContent Fields(params Field[] fields)
    {
        Body.Add(new FieldsBlock(fields.Where(f => f.Value.Length > 0).ToList()));
        return this;
    }

    public LetterContent Fields(IEnumerable<Field> fields) => Fields(fields.ToArray());

    public LetterContent Ref(string label, string value)
    {
        References.Add(new Field(label, value));
        return this;
    }
}

public static class FieldExtensions
{
    public static Field Is(this string label, string value) => new(label, value);
}
