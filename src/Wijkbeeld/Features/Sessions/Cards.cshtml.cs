using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Sessions;

/// <summary>The deck of reflection questions the facilitator draws from; coordinators edit it.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class CardsModel(WijkbeeldDb db, IStringLocalizer<Texts> text) : PageModel
{
    public IReadOnlyList<PromptCard> Cards { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Cards = await db.SessionPromptCards.Where(c => c.Category == PromptCategories.Session).OrderBy(c => c.Id).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(int? id, string? cardText, bool active, CancellationToken ct)
    {
        var value = ItemRules.Clean(cardText);
        if (value is null || value.Length > SessionLimits.ShortMax)
        {
            Error = text["Sessions.Error.CardText", SessionLimits.ShortMax];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await OnGetAsync(ct);
            return Page();
        }
        var card = id is { } cardId ? await db.SessionPromptCards.FirstOrDefaultAsync(c => c.Id == cardId && c.Category == PromptCategories.Session, ct) : null;
        if (id is not null && card is null) return NotFound();
        if (card is null) db.SessionPromptCards.Add(card = new PromptCard());
        card.Text = value;
        card.Active = id is null || active;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Sessions.Cards.Saved";
        return RedirectToPage();
    }
}
