using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Wijkbeeld.Features.Accounts;

namespace Wijkbeeld.Features.Sessions;

/// <summary>"Doe mee": join a session with its code, with an account or as a guest with a name.</summary>
[EnableRateLimiting(SessionEndpoints.JoinLimit)]
public sealed class JoinModel(SessionService sessions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    public string? Error { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public bool SignedIn => Viewer.From(User).IsSignedIn;

    [DisableRateLimiting]
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await sessions.JoinAsync(new JoinInput(Code, DisplayName), HttpContext, ct);
        if (result.Ok)
        {
            return Redirect($"/sessies/{result.Value!.SessionId}/deelnemer");
        }
        Error = result.Error;
        Errors = result.Errors ?? [];
        Response.StatusCode = result.Status;
        return Page();
    }
}
