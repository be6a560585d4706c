using ScanPipeline.Core.Classification;
using System.Text;
using System.Text.Json;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Messaging;
using Xunit;

namespace ScanPipeline.Tests.Preparation;

/// <summary>
/// Schema 2 of DocumentRecognized and DocumentRouted adds the hOCR hash (schema 3 of DocumentRouted, the extracted fields). Messages written by a build before it
/// (schema 1, no such field) must still read after an upgrade; a version this build does not know is refused.
/// </summary>
public sealed class HocrMessageSchemaTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 3, 3, 8, 15, 0, TimeSpan.FromHours(1));
    private static readonly string Hocr = new('c', 64);

    /// <summary>A DocumentRecognized body exactly as the schema-1 build wrote it.</summary>
    private const string RecognizedV1 = """
        {"documentId":"d-0123456789abcdef0123","batchId":"b-0123456789abcdef0123","scannerLine":"linie-1",
         "originalSha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","originalFileName":"scan.tif",
         "mediaType":"image/tiff","pageNumbers":[1,2],"textSha256":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
         "pdfSha256":null,"meanOcrConfidence":87.5,"pagesFromTextLayer":0,"receivedAt":"2026-03-03T08:15:00+01:00",
         "ocrSeconds":3.25,"schemaVersion":1,"pageCount":2}
        """;

    /// <summary>A DocumentRouted body exactly as the schema-1 build wrote it.</summary>
    private const string RoutedV1 = """
        {"documentId":"d-0123456789abcdef0123","batchId":"b-0123456789abcdef0123","scannerLine":"linie-1",
         "originalSha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","originalFileName":"scan.tif",
         "mediaType":"image/tiff","pageNumbers":[1,2],"textSha256":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
         "pdfSha256":null,"documentType":"Bauantrag","confidence":0.93,"target":"63","routingReason":"rule",
         "modelVersion":"2026-11-25-test","meanOcrConfidence":87.5,"pagesFromTextLayer":0,
         "receivedAt":"2026-03-03T08:15:00+01:00","processingSeconds":9.5,"schemaVersion":1,"pageCount":2}
        """;

    private static DocumentRecognized Recognized(string? hocr) =>
        new("d-0123456789abcdef0123", "b-0123456789abcdef0123", "linie-1", new string('a', 64), "scan.tif", MediaTypes.Tiff,
            [1, 2], new string('b', 64), null, 87.5, 0, ReceivedAt, 3.25, hocr);

    private static DocumentRouted Routed(string? hocr) =>
        new("d-0123456789abcdef0123", "b-0123456789abcdef0123", "linie-1", new string('a', 64), "scan.tif", MediaTypes.Tiff,
            [1, 2], new string('b', 64), null, "Bauantrag", 0.93, "63", "rule", "2026-11-25-test", 87.5, 0, ReceivedAt, 9.5, hocr);

    [Fact]
    public void New_messages_are_written_as_schema_2_with_the_hocr_hash()
    {
        var body = MessageSerializer.Serialize(Recognized(Hocr));

        using var json = JsonDocument.Parse(body);
        Assert.Equal(2, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(Hocr, json.RootElement.GetProperty("hocrSha256").GetString());
        Assert.Equal(Hocr, MessageSerializer.Deserialize<DocumentRecognized>(DocumentRecognized.Name, 2, body).HocrSha256);
        Assert.Equal(Hocr, MessageSerializer.Deserialize<DocumentRouted>(DocumentRouted.Name, DocumentRouted.CurrentSchemaVersion,
            MessageSerializer.Serialize(Routed(Hocr))).HocrSha256);
    }

    [Fact]
    public void A_schema_1_recognized_message_still_reads_with_no_hocr()
    {
        var read = MessageSerializer.Deserialize<DocumentRecognized>(DocumentRecognized.Name, 1, Encoding.UTF8.GetBytes(RecognizedV1));

        Assert.Equal(1, read.SchemaVersion);
        Assert.Null(read.HocrSha256);
        Assert.Equal([1, 2], read.PageNumbers);
        var expected = Recognized(null) with { SchemaVersion = 1 };
        Assert.Equal(expected, read with { PageNumbers = expected.PageNumbers }); // every other field as written
    }

    [Fact]
    public void A_schema_1_routed_message_still_reads_with_no_hocr()
    {
        var read = MessageSerializer.Deserialize<DocumentRouted>(DocumentRouted.Name, 1, Encoding.UTF8.GetBytes(RoutedV1));

        Assert.Equal(1, read.SchemaVersion);
        Assert.Null(read.HocrSha256);
        Assert.Equal("63", read.Target);
        var expected = Routed(null) with { SchemaVersion = 1 };
        Assert.Equal(expected, read with { PageNumbers = expected.PageNumbers });
    }

    [Fact]
    public void A_schema_version_this_build_does_not_know_is_refused()
    {
        var future = MessageSerializer.Serialize(Recognized(Hocr) with { SchemaVersion = 3 });

        var error = Assert.Throws<PermanentProcessingException>(() =>
            MessageSerializer.Deserialize<DocumentRecognized>(DocumentRecognized.Name, null, future));
        Assert.Equal(ReasonCodes.UnsupportedSchema, error.ReasonCode);
        Assert.Equal([1, 2], MessageContracts.SupportedSchemaVersions(MessageNames.DocumentRecognized).Order());
        Assert.Equal([1, 2, 3, 4], MessageContracts.SupportedSchemaVersions(MessageNames.DocumentRouted).Order());
    }

    [Fact]
    public void A_routed_message_carries_the_extracted_fields_and_top_scores_and_older_schemas_read_without()
    {
        var fields = new DocumentFields(["63-12/2026-0147"], [new CashReference(CashReferenceKind.PaymentReference, "5.2026.0012")],
            [new FoundDate(new DateOnly(2026, 3, 3), "3. März 2026")], new SenderAddress("Erika Mustermann", "Lindenallee 7", "42105", "Wuppertal"),
            ["DE89370400440532013000"], ["erika@example.org"]);
        var body = MessageSerializer.Serialize(Routed(Hocr) with { Fields = fields, TopScores = [new ClassScore("Widerspruch", 0.61), new ClassScore("Beschwerde", 0.2)] });

        using (var json = JsonDocument.Parse(body))
        {
            Assert.Equal(4, json.RootElement.GetProperty("schemaVersion").GetInt32());
            Assert.Equal("Widerspruch", json.RootElement.GetProperty("topScores")[0].GetProperty("label").GetString());
            Assert.Equal("paymentReference", json.RootElement.GetProperty("fields").GetProperty("cashReferences")[0].GetProperty("kind").GetString());
        }
        var routed = MessageSerializer.Deserialize<DocumentRouted>(DocumentRouted.Name, 4, body);
        Assert.Equal(["Widerspruch", "Beschwerde"], routed.TopScores!.Select(s => s.Label));
        var read = routed.Fields!;
        Assert.Equal(fields.FileReferences, read.FileReferences);
        Assert.Equal(fields.CashReferences, read.CashReferences);
        Assert.Equal(fields.Dates, read.Dates);
        Assert.Equal(fields.Sender, read.Sender);
        Assert.Equal(fields.Ibans, read.Ibans);

        var schema3 = MessageSerializer.Serialize(Routed(Hocr) with { Fields = fields, SchemaVersion = 3 });
        Assert.Null(MessageSerializer.Deserialize<DocumentRouted>(DocumentRouted.Name, 3, schema3).TopScores);
        var schema2 = MessageSerializer.Serialize(Routed(Hocr) with { SchemaVersion = 2 });
        Assert.Null(MessageSerializer.Deserialize<DocumentRouted>(DocumentRouted.Name, 2, schema2).Fields);
    }
}
