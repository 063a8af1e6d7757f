using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;

namespace Wijkbeeld.Features.Werkagenda;

/// <summary>"Gesprekskaarten": the deck beside the self-scan exercises; coordinators add, edit and hide cards.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DeckModel(ConversationCards deck, Viewer viewer, IStringLocalizer<Texts> text) : PageModel
{
    public IReadOnlyList<ConversationCardDto> Cards { get; private set; } = [];
    public ConversationCardDto? Card { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    /// <summary>The card whose form the errors belong to (0: the new card).</summary>
    public int? ErrorCard { get; private set; }
    public bool MayEdit => viewer.CanModerate;
    [BindProperty] public CardForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cards = await deck.ListAsync(ct);
        if (Request.Query["kaart"] == "trek") Card = await deck.DrawAsync(int.TryParse(Request.Query["vorige"], out var previous) ? previous : null, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new ConversationCardInput(Form.Text, Form.Theme, Form.Id is null || Form.Active, Form.ConfirmPersonalData);
        var result = Form.Id is { } id ? await deck.UpdateAsync(id, Form.Version, input, ct) : await deck.AddAsync(input, ct);
        switch (result.Outcome)
        {
            case Outcome.Ok:
                TempData["Message"] = "Cards.Saved";
                return Redirect($"/gesprekskaarten#kaart-{result.Value!.Id}");
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Forbidden:
                return Forbid();
        }
        Errors = result.Errors ?? new() { ["version"] = [text["Werkagenda.Error.Conflict"]] };
        ErrorCard = Form.Id ?? 0;
        Response.StatusCode = result.Outcome == Outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        Cards = await deck.ListAsync(ct);
        return Page();
    }
}

/// <summary>A card as its form posts it; no Id for a new card.</summary>
public sealed class CardForm
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public string? Text { get; set; }
    public string? Theme { get; set; }
    public bool Active { get; set; }
    public bool ConfirmPersonalData { get; set; }
}
