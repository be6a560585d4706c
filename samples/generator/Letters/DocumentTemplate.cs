using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters;

/// <summary>One document type of the corpus: its label, its department and how its letters are written.</summary>
public abstract class DocumentTemplate
{
    /// <summary>The label, also the folder name in samples/training.</summary>
    public abstract string Name { get; }

    /// <summary>KGSt-style office code, e.g. "63".</summary>
    public abstract string DepartmentCode { get; }

    public abstract string DepartmentName { get; }

    /// <summary>How senders name the office in the address; a letter may also name none.</summary>
    public abstract string[] OfficeNames { get; }

    public abstract Party CreateSender(Rng rng, CityHall city);

    public abstract LetterContent Compose(LetterContext ctx);
}
