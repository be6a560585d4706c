using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ScanPipeline.Web.Pages;

/// <summary>Error pages in the user's language. The status code of the original response is kept.</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Message) = code switch
        {
            403 => (WebTexts.Status_403_Title, WebTexts.Status_403),
            404 => (WebTexts.Status_404_Title, WebTexts.Status_404),
            429 => (WebTexts.Status_429_Title, WebTexts.Status_429),
            _ when code >= 500 => (WebTexts.Status_500_Title, WebTexts.Status_500),
            _ => (WebTexts.Status_Other_Title, WebTexts.Status_Other),
        };
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is >= 400 and < 600)
            Response.StatusCode = code;
    }
}
