using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Messages;
using ScanPipeline.Storage;
using ScanPipeline.Tests.Infrastructure;

namespace ScanPipeline.Tests.Storage;

/// <summary>Verification decisions and forwardings move the document and become labelled data.</summary>
public sealed class DocumentCorrectionsTests : IDisposable
{
    private const string Verified = "d-0000000000000000000a";
    private const string Filed = "d-0000000000000000000b";

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-03-04T09:30:00Z"));
    private readonly MetadataStore _metadata;
    private readonly EFileStore _efiles;
    private readonly DocumentCorrections _corrections;

    private static readonly RoutingRules Rules = new()
    {
        Departments = [new Department("30", "Rechtsamt"), new Department("32", "Ordnungsamt"), new Department("63", "Bauordnungsamt")],
        Rules =
        [
            new RoutingRule("Widerspruch", "30"), new RoutingRule("Gewerbeanmeldung", "32"),
            new RoutingRule("Bußgeld-Einspruch", "32"), new RoutingRule("Bauantrag", "63"),
        ],
    };

    public DocumentCorrectionsTests()
    {
        _metadata = new MetadataStore(_temp.Combine("scanpipe.db"));
        _efiles = new EFileStore(_temp.Sub("efile"));
        _corrections = new DocumentCorrections(_metadata, _efiles, Rules, _clock);
        FileDocument(Verified, Routing.VerificationTarget, "Bauantrag", 0.41, "low-confidence");
        FileDocument(Filed, "63", "Bauantrag", 0.93, "rule");
    }

    public void Dispose() => _temp.Dispose();

    private void FileDocument(string documentId, string department, string type, double confidence, string reason)
    {
        var at = DateTimeOffset.Parse("2026-03-03T08:00:00Z");
        var textSha = documentId[^1] == 'a' ? new string('a', 64) : new string('b', 64);
        _metadata.AddInboxItem(new InboxItem(documentId, department, type, confidence, reason, "2026-11-25-test", "b-1",
            "scanstrasse-1", "brief.tif", 1, at, at.AddSeconds(4), 4, InboxStatus.New, textSha, null));
        _efiles.Store(new EFileMetadata(documentId, "b-1", "scanstrasse-1", "brief.tif", "image/tiff", 1, [1], type, confidence,
            department, reason, "2026-11-25-test", at, at.AddSeconds(4), [],
            new TransferNote("scanstrasse-1", at, new string('c', 64), 1, 1, 0, 90, 0, "zugestellt")), [("text.txt", [65])]);
    }

    [Fact]
    public void Verifying_routes_to_the_types_department_and_records_labelled_data_and_an_e_file_note()
    {
        var outcome = _corrections.Verify(Verified, "Widerspruch", "poststelle.meier");

        Assert.True(outcome.Succeeded);
        var item = _metadata.FindInboxItem(Verified)!;
        Assert.Equal(("30", "Widerspruch", CorrectionSource.Verification), (item.Department, item.DocumentType, item.RoutingReason));
        Assert.Empty(_metadata.ListInbox(Routing.VerificationTarget));
        var correction = Assert.Single(_metadata.ListCorrections());
        Assert.Equal((Verified, new string('a', 64), "Bauantrag", "Widerspruch", Routing.VerificationTarget, "30", "poststelle.meier"),
            (correction.DocumentId, correction.TextSha256, correction.PreviousType, correction.CorrectedType,
             correction.PreviousDepartment, correction.Department, correction.Actor));
        Assert.Equal(_clock.GetUtcNow(), correction.RecordedAt);

        // The e-file record keeps what was filed, and the decision is appended beside it.
        Assert.Equal("Bauantrag", _efiles.ReadMetadata(Verified)!.DocumentType);
        Assert.Empty(_efiles.Verify(Verified));
        using var note = JsonDocument.Parse(Assert.Single(_efiles.ReadCorrections(Verified)));
        Assert.Equal("Widerspruch", note.RootElement.GetProperty("correctedType").GetString());
    }

    [Fact]
    public void Verify_refuses_documents_outside_verification_and_types_without_a_rule()
    {
        Assert.Equal(CorrectionError.NotInVerification, _corrections.Verify(Filed, "Widerspruch", "x").Error);
        var unknown = _corrections.Verify(Verified, "Werbung", "x");
        Assert.Equal(CorrectionError.UnknownType, unknown.Error);
        Assert.Contains("Bauantrag", unknown.Choices!);
        Assert.Equal(CorrectionError.DocumentNotFound, _corrections.Verify("d-00000000000000000fff", "Bauantrag", "x").Error);
        Assert.Empty(_metadata.ListCorrections());
        Assert.Equal(Routing.VerificationTarget, _metadata.FindInboxItem(Verified)!.Department);
    }

    [Fact]
    public void Forwarding_to_a_department_with_one_type_takes_that_type()
    {
        var outcome = _corrections.Forward(Filed, "30", documentType: null, "sachbearbeitung.schulz");

        Assert.True(outcome.Succeeded);
        Assert.Equal(("30", "Widerspruch"), (_metadata.FindInboxItem(Filed)!.Department, _metadata.FindInboxItem(Filed)!.DocumentType));
        Assert.Equal(CorrectionSource.Reroute, Assert.Single(_metadata.ListCorrections()).Source);
    }

    [Fact]
    public void Forwarding_to_a_department_with_several_types_needs_the_type_and_it_must_belong_there()
    {
        var needed = _corrections.Forward(Filed, "32", null, "x");
        Assert.Equal(CorrectionError.TypeNeeded, needed.Error);
        Assert.Equal(["Gewerbeanmeldung", "Bußgeld-Einspruch"], needed.Choices);
        Assert.Equal(CorrectionError.TypeNotForDepartment, _corrections.Forward(Filed, "32", "Widerspruch", "x").Error);
        Assert.Equal(CorrectionError.UnknownDepartment, _corrections.Forward(Filed, "99", null, "x").Error);
        Assert.Equal(CorrectionError.SameDepartment, _corrections.Forward(Filed, "63", null, "x").Error);
        Assert.Empty(_metadata.ListCorrections());

        Assert.True(_corrections.Forward(Filed, "32", "Gewerbeanmeldung", "x").Succeeded);
        Assert.Equal("Gewerbeanmeldung", _metadata.FindInboxItem(Filed)!.DocumentType);
    }

    [Fact]
    public void A_document_corrected_twice_is_one_training_example_with_the_last_word()
    {
        _corrections.Verify(Verified, "Widerspruch", "a");
        _clock.Advance(TimeSpan.FromHours(1));
        _corrections.Forward(Verified, "32", "Bußgeld-Einspruch", "b");

        Assert.Equal(2, _metadata.ListCorrections().Count);
        var latest = Assert.Single(_metadata.ListLatestCorrections());
        Assert.Equal("Bußgeld-Einspruch", latest.CorrectedType);
        Assert.Equal(2, _efiles.ReadCorrections(Verified).Count);
    }
}
