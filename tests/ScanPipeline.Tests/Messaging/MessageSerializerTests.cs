using System.Text;
using System.Text.Json;
using ScanPipeline.Core.Documents;
using ScanPipeline.Core.Messages;
using ScanPipeline.Messaging;
using Xunit;

namespace ScanPipeline.Tests.Messaging;

public sealed class MessageSerializerTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 3, 3, 8, 15, 0, TimeSpan.FromHours(1));

    private static BatchReceived Batch() =>
        new("b-0123456789abcdef0123", "linie-1", new string('a', 64), "Widerspruch Müller.pdf", MediaTypes.Pdf, 48_213, ReceivedAt);

    private static DocumentRecognized Recognized() =>
        new("d-0123456789abcdef0123", "b-0123456789abcdef0123", "linie-1", new string('a', 64), "scan.tif", MediaTypes.Tiff,
            [1, 2, 4], new string('b', 64), null, 87.5, 0, ReceivedAt, 3.25);

    [Fact]
    public void Bodies_are_camel_case_json_and_read_back_unchanged()
    {
        var batch = Batch();
        var body = MessageSerializer.Serialize(batch);

        using var json = JsonDocument.Parse(body);
        Assert.Equal("b-0123456789abcdef0123", json.RootElement.GetProperty("batchId").GetString());
        Assert.Equal("Widerspruch Müller.pdf", json.RootElement.GetProperty("originalFileName").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(batch, MessageSerializer.Deserialize<BatchReceived>(BatchReceived.Name, 1, body));
    }

    [Fact]
    public void Lists_and_nullable_fields_survive_the_round_trip()
    {
        var recognized = Recognized();

        var read = MessageSerializer.Deserialize<DocumentRecognized>(DocumentRecognized.Name, null, MessageSerializer.Serialize(recognized));

        Assert.Equal([1, 2, 4], read.PageNumbers);
        Assert.Null(read.PdfSha256);
        Assert.Equal(recognized.ReceivedAt, read.ReceivedAt);
        Assert.Equal(recognized.MeanOcrConfidence, read.MeanOcrConfidence);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1L)]
    [InlineData("1")]
    public void The_schema_header_may_arrive_as_any_integer_width_or_as_text(object header)
    {
        var value = header is string text ? Encoding.UTF8.GetBytes(text) : header;
        var read = MessageSerializer.Deserialize<BatchReceived>(BatchReceived.Name, value, MessageSerializer.Serialize(Batch()));
        Assert.Equal(1, read.SchemaVersion);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("scanpipe.document.captured")]
    [InlineData("BatchReceived")]
    public void A_message_of_another_name_is_invalid(string? type) =>
        AssertRefused(ReasonCodes.InvalidMessage, () =>
            MessageSerializer.Deserialize<BatchReceived>(type, 1, MessageSerializer.Serialize(Batch())));

    [Fact]
    public void An_unknown_schema_version_in_the_header_is_refused_before_parsing() =>
        AssertRefused(ReasonCodes.UnsupportedSchema, () =>
            MessageSerializer.Deserialize<BatchReceived>(BatchReceived.Name, 2, "not json at all"u8));

    [Fact]
    public void An_unknown_schema_version_in_the_body_is_refused()
    {
        var body = MessageSerializer.Serialize(Batch() with { SchemaVersion = 2 });
        AssertRefused(ReasonCodes.UnsupportedSchema, () => MessageSerializer.Deserialize<BatchReceived>(BatchReceived.Name, null, body));
    }

    [Fact]
    public void A_header_that_contradicts_the_body_is_invalid()
    {
        var body = MessageSerializer.Serialize(Batch() with { SchemaVersion = 2 });
        AssertRefused(ReasonCodes.InvalidMessage, () => MessageSerializer.Deserialize<BatchReceived>(BatchReceived.Name, 1, body));
    }

    [Fact]
    public void A_non_numeric_schema_header_is_invalid() =>
        AssertRefused(ReasonCodes.InvalidMessage, () =>
            MessageSerializer.Deserialize<BatchReceived>(BatchReceived.Name, "eins"u8.ToArray(), MessageSerializer.Serialize(Batch())));

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("%PDF-1.7")]
    [InlineData("""{"batchId":"b-1"}""")]
    [InlineData("""{"batchId":"b-1","scannerLine":null,"originalSha256":"a","originalFileName":"x","mediaType":"application/pdf","sizeBytes":1,"receivedAt":"2026-03-03T08:00:00+01:00"}""")]
    [InlineData("""{"batchId":"b-1","scannerLine":"l","originalSha256":"a","originalFileName":"x","mediaType":"application/pdf","sizeBytes":"viel","receivedAt":"2026-03-03T08:00:00+01:00"}""")]
    public void Bodies_that_are_not_a_complete_valid_message_are_invalid(string body) =>
        AssertRefused(ReasonCodes.InvalidMessage, () =>
            MessageSerializer.Deserialize<BatchReceived>(BatchReceived.Name, null, Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Message_ids_combine_the_document_or_batch_id_with_the_message_name()
    {
        Assert.Equal("b-0123456789abcdef0123/scanpipe.batch.received", MessageContracts.MessageId(Batch(), BatchReceived.Name));
        Assert.Equal("d-0123456789abcdef0123/scanpipe.document.recognized",
            MessageContracts.MessageId(Recognized(), DocumentRecognized.Name));
    }

    [Fact]
    public void Every_contract_has_registered_schema_versions_that_include_its_current_one()
    {
        Assert.Contains(Batch().SchemaVersion, MessageContracts.SupportedSchemaVersions(MessageNames.BatchReceived));
        Assert.Contains(Recognized().SchemaVersion, MessageContracts.SupportedSchemaVersions(MessageNames.DocumentRecognized));
        Assert.Contains(1, MessageContracts.SupportedSchemaVersions(MessageNames.DocumentCaptured));
        Assert.Contains(1, MessageContracts.SupportedSchemaVersions(MessageNames.DocumentRouted));
        Assert.Throws<InvalidOperationException>(() => MessageContracts.SupportedSchemaVersions("scanpipe.unknown"));
    }

    private static void AssertRefused(string reasonCode, Action read)
    {
        var error = Assert.Throws<PermanentProcessingException>(read);
        Assert.Equal(reasonCode, error.ReasonCode);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
