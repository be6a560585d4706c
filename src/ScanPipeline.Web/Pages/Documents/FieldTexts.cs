using System.Globalization;
using ScanPipeline.Core.Classification;

namespace ScanPipeline.Web.Pages.Documents;

/// <summary>A document's extracted fields as labelled rows for display.</summary>
public static class FieldTexts
{
    public static IReadOnlyList<(string Label, string Value)> Rows(DocumentFields fields)
    {
        var rows = new List<(string, string)>();
        foreach (var reference in fields.FileReferences) rows.Add((WebTexts.Field_FileReference, reference));
        foreach (var cash in fields.CashReferences)
            rows.Add((cash.Kind switch
            {
                CashReferenceKind.PaymentReference => WebTexts.Field_PaymentReference,
                CashReferenceKind.CustomerNumber => WebTexts.Field_CustomerNumber,
                CashReferenceKind.InvoiceNumber => WebTexts.Field_InvoiceNumber,
                _ => WebTexts.Field_TaxNumber,
            }, cash.Value));
        foreach (var date in fields.Dates.Take(3)) rows.Add((WebTexts.Field_Date, date.Date.ToString("d", CultureInfo.CurrentCulture)));
        foreach (var iban in fields.Ibans) rows.Add(("IBAN", iban));
        foreach (var email in fields.Emails) rows.Add((WebTexts.Field_Email, email));
        return rows;
    }
}
