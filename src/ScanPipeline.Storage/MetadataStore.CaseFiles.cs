using System.Text;

namespace ScanPipeline.Storage;

/// <summary>
/// An existing e-file (Akte) that incoming post can belong to, identified by a reference number: its
/// Aktenzeichen, or a Kassenzeichen / customer number that the office files under.
/// </summary>
public sealed record CaseFile(string Reference, string Department, string Title, DateTimeOffset RegisteredAt);

public sealed partial class MetadataStore
{
    /// <summary>
    /// The form a reference is compared in: letters upper-cased, spaces dropped, so "63-12 / 2026-0147"
    /// and "63-12/2026-0147" are the same reference.
    /// </summary>
    public static string ReferenceKey(string reference)
    {
        var key = new StringBuilder(reference.Length);
        foreach (var c in reference.Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c)) key.Append(char.ToUpperInvariant(c));
        return key.ToString();
    }

    /// <summary>Registers an e-file; returns false when a file with this reference exists (it is kept as it was).</summary>
    public bool RegisterCaseFile(CaseFile caseFile)
    {
        var key = ReferenceKey(caseFile.Reference);
        if (key.Length == 0) throw new ArgumentException("A case file needs a reference.", nameof(caseFile));
        using var connection = Open();
        return Execute(connection, """
            INSERT INTO case_files (reference_key, reference, department, title, registered_at)
            VALUES ($key, $reference, $dept, $title, $at) ON CONFLICT (reference_key) DO NOTHING;
            """, ("$key", key), ("$reference", caseFile.Reference.Trim()), ("$dept", caseFile.Department),
            ("$title", caseFile.Title), ("$at", Format(caseFile.RegisteredAt))) == 1;
    }

    public IReadOnlyList<CaseFile> ListCaseFiles()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT reference, department, title, registered_at FROM case_files ORDER BY reference_key;";
        using var reader = command.ExecuteReader();
        var files = new List<CaseFile>();
        while (reader.Read()) files.Add(new CaseFile(reader.GetString(0), reader.GetString(1), reader.GetString(2), Parse(reader.GetString(3))));
        return files;
    }

    /// <summary>The first registered e-file among <paramref name="references"/> (in their order), or null.</summary>
    public CaseFile? FindCaseFile(IEnumerable<string> references)
    {
        using var connection = Open();
        foreach (var reference in references)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT reference, department, title, registered_at FROM case_files WHERE reference_key = $key;";
            command.Parameters.AddWithValue("$key", ReferenceKey(reference));
            using var reader = command.ExecuteReader();
            if (reader.Read()) return new CaseFile(reader.GetString(0), reader.GetString(1), reader.GetString(2), Parse(reader.GetString(3)));
        }
        return null;
    }

    /// <summary>Stores a document's extracted fields (JSON) and the e-file it was linked to. Idempotent: the first write wins.</summary>
    public bool RecordDocumentFields(string documentId, string fieldsJson, string? caseFileReference)
    {
        using var connection = Open();
        return Execute(connection, """
            INSERT INTO document_fields (document_id, fields_json, case_file_reference) VALUES ($id, $json, $case)
            ON CONFLICT (document_id) DO NOTHING;
            """, ("$id", documentId), ("$json", fieldsJson), ("$case", caseFileReference is null ? DBNull.Value : ReferenceKey(caseFileReference))) == 1;
    }

    /// <summary>A document's extracted fields (JSON) and linked e-file reference (as registered); null when none were stored.</summary>
    public (string FieldsJson, string? CaseFileReference)? FindDocumentFields(string documentId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT f.fields_json, c.reference FROM document_fields f
            LEFT JOIN case_files c ON c.reference_key = f.case_file_reference WHERE f.document_id = $id;
            """;
        command.Parameters.AddWithValue("$id", documentId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
    }

    /// <summary>The documents linked to an e-file, by document id.</summary>
    public IReadOnlyList<string> ListDocumentsOfCaseFile(string reference)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT document_id FROM document_fields WHERE case_file_reference = $ref ORDER BY document_id;";
        command.Parameters.AddWithValue("$ref", ReferenceKey(reference));
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }
}
