using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbeeld.Features.Items;

[Authorize(Policy = Accounts.Policies.Writer)]
public sealed class CreateModel(ItemRules rules, ItemService items, ItemReader reader) : PageModel
{
    [BindProperty] public ItemForm Form { get; set; } = new();
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form.Kind = Request.Query["kind"].FirstOrDefault();
        Themes = await reader.ThemesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var check = await rules.ValidateAsync(Form.ToInput(), null, ct);
        if (!check.IsValid)
        {
            Errors = check.Errors;
            Themes = await reader.ThemesAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var item = await items.CreateAsync(check.Item!, ct);
        TempData["Message"] = "Item.AddedMessage";
        return Redirect($"/items/{item.Id}");
    }
}
