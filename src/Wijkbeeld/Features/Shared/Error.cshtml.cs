using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Wijkbeeld.Features.Shared;

/// <summary>The error page for people: reached by re-execution after a 404, 400 or an unexpected error.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<Texts> text) : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int status) => Describe(status);

    public void OnPost(int status) => Describe(status);

    void Describe(int status)
    {
        // Keep the original status when re-executed; a direct visit gets 404 for an unknown code.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null ||
                         HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        var code = reExecuted ? Response.StatusCode : status;
        var known = code is 400 or 403 or 404 or 429 or 500 or 503;
        Response.StatusCode = reExecuted ? code : known ? code : StatusCodes.Status404NotFound;
        var key = known ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Other";
        ViewData["WithoutDatabase"] = Response.StatusCode >= StatusCodes.Status500InternalServerError;
        Title = text["ErrorPage.Title." + key];
        Explanation = text["ErrorPage.Text." + key];
    }
}
