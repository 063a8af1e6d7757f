using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbeeld.Features.Items;

[Authorize(Policy = Accounts.Policies.Writer)]
public sealed class EditModel(ItemRules rules, ItemService items, ItemReader reader) : PageModel
{
    [BindProperty] public ItemForm Form { get; set; } = new();
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public int Id { get; private set; }

    /// <summary>Set when someone else saved first: their version, shown beside the user's own text.</summary>
    public ItemDto? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var item = await reader.GetAsync(id, ct);
        if (item is null)
        {
            return NotFound();
        }
        Id = id;
        Form = ItemForm.From(item);
        Themes = await reader.ThemesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Id = id;
        Themes = await reader.ThemesAsync(ct);
        var stored = await reader.GetAsync(id, ct);
        if (stored is null)
        {
            return NotFound();
        }
        // The form has no field for related items: keep the item's links (to items that still exist) instead of dropping them.
        var related = (await reader.FindAsync(stored.RelatedItemIds, ct)).Select(r => r.Id).ToList();
        var check = await rules.ValidateAsync(Form.ToInput() with { RelatedItemIds = related }, id, ct);
        if (!check.IsValid)
        {
            Errors = check.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await items.UpdateAsync(id, Form.Version, check.Item!, ct);
        switch (result.Outcome)
        {
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.Forbidden:
                return Forbid();
            case ChangeOutcome.Conflict:
                // Keep the user's text in the form; saving again knowingly replaces the other version.
                Current = await reader.GetAsync(id, ct);
                Form.Version = Current!.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                TempData["Message"] = "Item.Saved";
                return Redirect($"/items/{id}");
        }
    }
}
