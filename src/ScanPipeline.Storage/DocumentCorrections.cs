using ScanPipeline.Core.Configuration;
using ScanPipeline.Core.Messages;

namespace ScanPipeline.Storage;

/// <summary>Why a correction was not made.</summary>
public enum CorrectionError
{
    /// <summary>No inbox (and no verification list) holds the document.</summary>
    DocumentNotFound,

    /// <summary>Verify was asked for a document that is not in the verification list.</summary>
    NotInVerification,

    /// <summary>The type has no routing rule, so no department would receive it.</summary>
    UnknownType,

    /// <summary>The department is not in the routing rules (or is the verification list).</summary>
    UnknownDepartment,

    /// <summary>The document is already in that department.</summary>
    SameDepartment,

    /// <summary>Forwarding to a department that receives several types (or none by rule) needs the type.</summary>
    TypeNeeded,

    /// <summary>The routing rules send the given type to another department.</summary>
    TypeNotForDepartment,
}

/// <summary>A correction made (<see cref="Correction"/>), or why not (<see cref="Error"/> with the types or departments that would do).</summary>
public sealed record CorrectionOutcome(Correction? Correction, CorrectionError? Error = null, IReadOnlyList<string>? Choices = null)
{
    public bool Succeeded => Correction is not null;
}

/// <summary>
/// People's decisions about a document's type, as the command line (and later the web pages) make them:
/// an operator verifies a document from the verification list, a case worker forwards one to another
/// department. Each moves the document to its new inbox, is recorded as labelled data for retraining
/// (<see cref="MetadataStore.ListLatestCorrections"/>), and is appended to the document's e-file record.
/// </summary>
public sealed class DocumentCorrections(MetadataStore metadata, EFileStore efiles, RoutingRules rules, TimeProvider clock)
{
    /// <summary>Operator: the document in verification is of type <paramref name="documentType"/>; it goes to that type's department.</summary>
    public CorrectionOutcome Verify(string documentId, string documentType, string actor)
    {
        var item = metadata.FindInboxItem(documentId);
        if (item is null) return new(null, CorrectionError.DocumentNotFound);
        if (item.Department != Routing.VerificationTarget) return new(null, CorrectionError.NotInVerification, [item.Department]);
        var rule = rules.Rules.FirstOrDefault(r => r.DocumentType == documentType);
        if (rule is null) return new(null, CorrectionError.UnknownType, rules.Rules.Select(r => r.DocumentType).ToList());
        return Record(item, documentType, rule.Department, CorrectionSource.Verification, actor);
    }

    /// <summary>
    /// Case worker: the document belongs to <paramref name="department"/>. Without a type, the department's
    /// only type by the routing rules is taken; a department with several types needs it named.
    /// </summary>
    public CorrectionOutcome Forward(string documentId, string department, string? documentType, string actor)
    {
        var item = metadata.FindInboxItem(documentId);
        if (item is null) return new(null, CorrectionError.DocumentNotFound);
        if (rules.Departments.All(d => d.Code != department))
            return new(null, CorrectionError.UnknownDepartment, rules.Departments.Select(d => d.Code).ToList());
        if (item.Department == department) return new(null, CorrectionError.SameDepartment);

        var typesOfDepartment = rules.Rules.Where(r => r.Department == department).Select(r => r.DocumentType).ToList();
        if (documentType is null)
        {
            if (typesOfDepartment.Count != 1) return new(null, CorrectionError.TypeNeeded, typesOfDepartment);
            documentType = typesOfDepartment[0];
        }
        else if (rules.Rules.FirstOrDefault(r => r.DocumentType == documentType) is { } rule && rule.Department != department)
        {
            return new(null, CorrectionError.TypeNotForDepartment, typesOfDepartment);
        }
        return Record(item, documentType, department, CorrectionSource.Reroute, actor);
    }

    private CorrectionOutcome Record(InboxItem item, string documentType, string department, string source, string actor)
    {
        var correction = metadata.RecordCorrection(item.DocumentId, documentType, department, source, actor, clock.GetUtcNow());
        if (correction is null) return new(null, CorrectionError.DocumentNotFound);
        // The e-file record keeps what was filed; the decision is appended beside it.
        if (efiles.Exists(item.DocumentId))
            efiles.AppendCorrection(item.DocumentId, correction.CorrectionId, new
            {
                correction.DocumentId,
                correction.PreviousType,
                correction.CorrectedType,
                correction.PreviousDepartment,
                correction.Department,
                correction.Source,
                correction.Actor,
                correction.RecordedAt,
            });
        return new(correction);
    }
}
