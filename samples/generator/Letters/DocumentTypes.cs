using ScanPipeline.SampleGenerator.Letters.Types;

namespace ScanPipeline.SampleGenerator.Letters;

/// <summary>The twelve document types of the corpus, in department order.</summary>
public static class DocumentTypes
{
    public static readonly IReadOnlyList<DocumentTemplate> All =
    [
        new Beschwerde(),
        new Bewerbung(),
        new Rechnung(),
        new HundesteuerAnmeldung(),
        new Widerspruch(),
        new Gewerbeanmeldung(),
        new BussgeldEinspruch(),
        new Urkundenantrag(),
        new Wohngeldantrag(),
        new KitaAnmeldung(),
        new Bauantrag(),
        new Baumfaellantrag(),
    ];
}
