using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbeeld.Features.Items;

/// <summary>Asks before removing; the item stays in the database and its log (soft delete).</summary>
[Authorize(Policy = Accounts.Policies.Writer)]
public sealed class DeleteModel(ItemReader reader, ItemService items) : PageModel
{
    public ItemDto Item { get; private set; } = null!;
    [BindProperty] public int Version { get; set; }
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var item = await reader.GetAsync(id, ct);
        if (item is null)
        {
            return NotFound();
        }
        Item = item;
        Version = item.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await items.DeleteAsync(id, Version, ct);
        if (result.Outcome == ChangeOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Outcome == ChangeOutcome.Forbidden)
        {
            return Forbid();
        }
        if (result.Outcome == ChangeOutcome.Conflict)
        {
            Conflict = true;
            Item = (await reader.GetAsync(id, ct))!;
            Version = Item.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["Message"] = "Item.Deleted";
        return Redirect("/");
    }
}
