using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Infrastructure.Caching;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Items;

/// <summary>Coordinators keep the list of themes: add one, or give one a better name. A code never changes (items and links use it).</summary>
[Authorize(Policy = Accounts.Policies.Moderator)]
public sealed class ThemesModel(WijkbeeldDb db, ThemeCodes codes, IOutputCacheStore cache, IStringLocalizer<Texts> text) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    public IReadOnlyList<Theme> List { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => List = await db.Themes.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var name = ItemRules.Clean(Name);
        var code = Slug(name ?? "");
        if (name is null || name.Length > 80 || code.Length is 0 or > 40) Errors.Add(text["Themes.NameInvalid"]);
        else if (await db.Themes.AnyAsync(t => t.Code == code || t.Name == name, ct)) Errors.Add(text["Themes.Exists"]);
        else
        {
            db.Themes.Add(new Theme { Code = code, Name = name });
            return await SavedAsync("Themes.Added", ct);
        }
        return await RefusedAsync(ct);
    }

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken ct)
    {
        var name = ItemRules.Clean(Name);
        var theme = await db.Themes.FirstOrDefaultAsync(t => t.Code == Code, ct);
        if (theme is null) return NotFound();
        if (name is null || name.Length > 80) Errors.Add(text["Themes.NameInvalid"]);
        else
        {
            theme.Name = name;
            return await SavedAsync("Themes.Renamed", ct);
        }
        return await RefusedAsync(ct);
    }

    async Task<IActionResult> SavedAsync(string message, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        codes.Invalidate();
        await cache.EvictItemsAsync(ct);
        TempData["Message"] = message;
        return RedirectToPage();
    }

    async Task<IActionResult> RefusedAsync(CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>"Zorg en welzijn" → "zorg-en-welzijn": lower case, no accents, dashes.</summary>
    static string Slug(string name)
    {
        var plain = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        return string.Join('-', plain.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
