using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Follow;

/// <summary>"Volgen": what someone follows, and a daily or weekly e-mail of what changed there.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(Follows follows, Viewer viewer, AreaIndex areas, ItemReader reader) : PageModel
{
    [BindProperty] public int Id { get; set; }
    [BindProperty] public string? ReturnUrl { get; set; }
    public IReadOnlyList<FollowDto> Mine { get; private set; } = [];
    public IReadOnlyList<AreaInfo> Areas { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? target, string? key, string? frequency, CancellationToken ct)
    {
        var (follow, errors) = await follows.AddAsync(viewer.UserId!.Value, new FollowInput(target, key, frequency), ct);
        if (follow is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        TempData["Message"] = "Follow.Added";
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/volgen");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        await follows.RemoveAsync(viewer.UserId!.Value, Id, ct);
        TempData["Message"] = "Follow.Removed";
        return RedirectToPage();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Mine = await follows.MineAsync(viewer.UserId!.Value, ct);
        Areas = (await areas.GetAsync(ct)).All.Where(a => a.Level != AreaLevel.Municipality).OrderBy(a => a.Code).ToList();
        Themes = await reader.ThemesAsync(ct);
    }
}
