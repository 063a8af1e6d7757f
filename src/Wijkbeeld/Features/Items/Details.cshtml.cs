using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Privacy;

namespace Wijkbeeld.Features.Items;

public sealed class DetailsModel(ItemReader reader, ItemService items, Viewer viewer, IStringLocalizer<Texts> text) : PageModel
{
    public Viewer Viewer => viewer;
    public ItemDto Item { get; private set; } = null!;
    public IReadOnlyList<ItemDto> Related { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    [BindProperty] public CommentInput Comment { get; set; } = new();
    public string? CommentError { get; private set; }
    public bool CommentNeedsConfirmation { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(int id, CancellationToken ct)
    {
        var comment = ItemRules.Clean(Comment.Text);
        if (!viewer.CanWrite)
        {
            return Forbid();
        }
        if (comment is null || comment.Length > ItemRules.DescriptionMaxLength)
        {
            CommentError = comment is null ? text["Error.CommentRequired"] : text["Error.TooLong", ItemRules.DescriptionMaxLength];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        // AVG: a comment that looks like it holds personal data is saved only when the person confirms it.
        if (Comment.ConfirmPersonalData != true && PersonalDataRules.Check(text, [("text", comment)]) is { Count: > 0 } privacy)
        {
            CommentError = string.Join(" ", privacy.SelectMany(e => e.Value));
            CommentNeedsConfirmation = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        var result = await items.CommentAsync(id, comment, ct);
        if (result.Outcome == ChangeOutcome.NotFound)
        {
            return NotFound();
        }
        TempData["Message"] = "Item.CommentAdded";
        return Redirect($"/items/{id}#log");
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var item = await reader.GetAsync(id, ct);
        if (item is null)
        {
            return false;
        }
        Item = item;
        Related = await reader.FindAsync(item.RelatedItemIds, ct);
        Themes = await reader.ThemesAsync(ct);
        return true;
    }

    public string ThemeName(string code) => Themes.FirstOrDefault(t => t.Code == code)?.Name ?? code;
}
