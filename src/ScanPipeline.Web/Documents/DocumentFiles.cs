using ScanPipeline.Core.Documents;
using ScanPipeline.Storage;
using ScanPipeline.Web.Security;

namespace ScanPipeline.Web.Documents;

/// <summary>
/// File downloads, by document id only: the searchable PDF, the original scan and page thumbnails. Every
/// request is checked against <see cref="DocumentAccess"/>, and every PDF or original sent is audited.
/// </summary>
public static class DocumentFiles
{
    public static IEndpointRouteBuilder MapDocumentFiles(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.MapGroup("/documents/{id}").RequireAuthorization();
        files.MapGet("/pdf", (string id, bool? download, HttpContext context, DocumentAccess access, EFileStore efiles,
            MetadataStore metadata, TimeProvider clock) =>
        {
            if (access.Find(context.User, id) is null) return Results.NotFound();
            var path = efiles.PdfPath(id);
            if (!File.Exists(path)) return Results.NotFound();
            metadata.Audit(context.User.Name(), AuditAction.Download, id, download == true ? EFileStore.PdfFileName : EFileStore.PdfFileName + " (Ansicht)", clock.GetUtcNow());
            return Results.File(path, "application/pdf", download == true ? $"{id}.pdf" : null);
        });
        files.MapGet("/original", (string id, HttpContext context, DocumentAccess access, EFileStore efiles,
            MetadataStore metadata, TimeProvider clock) =>
        {
            if (access.Find(context.User, id) is null) return Results.NotFound();
            var record = efiles.ReadMetadata(id);
            if (record is null) return Results.NotFound();
            var name = "original" + MediaTypes.Extension(record.MediaType);
            var path = Path.Combine(efiles.PathFor(id), name);
            if (!File.Exists(path)) return Results.NotFound();
            metadata.Audit(context.User.Name(), AuditAction.Download, id, name, clock.GetUtcNow());
            return Results.File(path, record.MediaType, id + MediaTypes.Extension(record.MediaType));
        });
        files.MapGet("/pages/{page:int}", async (string id, int page, HttpContext context, DocumentAccess access,
            PageThumbnails thumbnails, CancellationToken ct) =>
        {
            if (access.Find(context.User, id) is null) return Results.NotFound();
            var png = await thumbnails.GetAsync(id, page, ct);
            return png is null ? Results.NotFound() : Results.File(png, "image/png");
        });
        return endpoints;
    }
}
