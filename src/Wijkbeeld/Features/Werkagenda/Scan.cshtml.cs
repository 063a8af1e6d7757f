using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;

namespace Wijkbeeld.Features.Werkagenda;

/// <summary>"Vijf schuiven": my positions (now, intended, why) and the result of the round beside the round before.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ScanModel(WorkAgenda agenda, ConversationCards cards) : PageModel
{
    public ScanResult Result { get; private set; } = null!;
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public ConversationCardDto? Card { get; private set; }
    [BindProperty] public List<SliderForm> Answers { get; set; } = [];
    [BindProperty] public bool ConfirmPersonalData { get; set; }

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken ct)
    {
        if (await agenda.ResultAsync(roundId, ct) is not { } result) return NotFound();
        Result = result;
        Answers = Sliders.Codes.Select(code =>
        {
            var mine = result.Sliders.Single(s => s.Slider == code).Positions.FirstOrDefault(p => p.Mine);
            return new SliderForm { Slider = code, Now = mine?.Now ?? 5, Intended = mine?.Intended ?? 5, Reason = mine?.Reason };
        }).ToList();
        if (Request.Query["kaart"] == "trek")
        {
            Card = await cards.DrawAsync(int.TryParse(Request.Query["vorige"], out var previous) ? previous : null, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int roundId, CancellationToken ct)
    {
        var saved = await agenda.SaveAnswersAsync(roundId, new AnswersInput(
            Answers.Select(a => new SliderInput(a.Slider, a.Now, a.Intended, a.Reason)).ToList(), ConfirmPersonalData), ct);
        if (saved.Outcome == Outcome.Ok)
        {
            TempData["Message"] = "Werkagenda.Scan.Saved";
            return Redirect($"/zelfscan/{roundId}#result");
        }
        if (saved.Outcome == Outcome.NotFound) return NotFound();
        if (saved.Outcome == Outcome.Forbidden) return Forbid();
        Errors = saved.Errors!;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        if (await agenda.ResultAsync(roundId, ct) is not { } result) return NotFound();
        Result = result;
        return Page();
    }
}

public sealed class SliderForm
{
    public string? Slider { get; set; }
    public int? Now { get; set; }
    public int? Intended { get; set; }
    public string? Reason { get; set; }
}
