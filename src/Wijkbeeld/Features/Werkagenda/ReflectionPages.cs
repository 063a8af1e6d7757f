using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;

namespace Wijkbeeld.Features.Werkagenda;

/// <summary>A part as the building-blocks and social-innovation forms post it.</summary>
public sealed class ScoreForm
{
    public string? Code { get; set; }
    public string? Score { get; set; }
    public string? Note { get; set; }
    public string? Obstacle { get; set; }
}

/// <summary>
/// The shared shape of the two reflection pages within a case: the scores of one tool as a form (or a table for
/// those who may not change the case), a conversation card beside it, and the same rules as the API.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public abstract class ReflectionPageModel(ConversationCards cards, IStringLocalizer<Texts> text) : PageModel
{
    public abstract ReflectionTool Tool { get; }
    public int CaseId { get; private set; }
    public string CaseTitle { get; private set; } = "";
    public bool MayChange { get; private set; }
    public IReadOnlyList<ScoreDto> Stored { get; private set; } = [];
    public ConversationCardDto? Card { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    [BindProperty] public List<ScoreForm> Scores { get; set; } = [];
    [BindProperty] public int Version { get; set; }
    [BindProperty] public bool ConfirmPersonalData { get; set; }

    protected abstract Task<(int CaseId, string Title, int Version, bool MayChange, IReadOnlyList<ScoreDto> Scores)?> LoadAsync(int id, CancellationToken ct);
    protected abstract Task<Outcome> SaveAsync(int id, Dictionary<string, string[]> errors, CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await FillAsync(id, ct)) return NotFound();
        Scores = Stored.Select(s => new ScoreForm { Code = s.Code, Score = s.Score, Note = s.Note, Obstacle = s.Obstacle }).ToList();
        if (Request.Query["kaart"] == "trek")
        {
            Card = await cards.DrawAsync(int.TryParse(Request.Query["vorige"], out var previous) ? previous : null, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var outcome = await SaveAsync(id, errors, ct);
        switch (outcome)
        {
            case Outcome.Ok:
                TempData["Message"] = "Werkagenda.Reflection.Saved";
                return Redirect($"/werkagenda/{id}#reflection");
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Forbidden:
                return Forbid();
        }
        Errors = outcome == Outcome.Conflict ? new() { ["version"] = [text["Werkagenda.Error.Conflict"]] } : errors;
        Response.StatusCode = outcome == Outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        var posted = Scores;
        if (!await FillAsync(id, ct)) return NotFound();
        // After a conflict the form shows what is stored now (with its new version); otherwise what was posted.
        Scores = outcome == Outcome.Conflict ? Stored.Select(s => new ScoreForm { Code = s.Code, Score = s.Score, Note = s.Note, Obstacle = s.Obstacle }).ToList()
            : Tool.Codes.Select(code => posted.FirstOrDefault(p => p.Code == code) ?? new ScoreForm { Code = code }).ToList();
        if (outcome != Outcome.Conflict) Version = int.TryParse(Request.Form["Version"], out var v) ? v : Version;
        return Page();
    }

    async Task<bool> FillAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } loaded) return false;
        (CaseId, CaseTitle, Version, MayChange, Stored) = loaded;
        return true;
    }

    protected static void Copy<T>(Result<T> result, Dictionary<string, string[]> errors)
    {
        foreach (var (key, value) in result.Errors ?? []) errors[key] = value;
    }
}

/// <summary>"Zeven bouwstenen": per building block present, partly or missing, with a note and the obstacle it explains.</summary>
public sealed class BlocksModel(CaseReflection reflection, ConversationCards cards, IStringLocalizer<Texts> text) : ReflectionPageModel(cards, text)
{
    public override ReflectionTool Tool => ReflectionTool.BuildingBlocks;

    protected override async Task<(int, string, int, bool, IReadOnlyList<ScoreDto>)?> LoadAsync(int id, CancellationToken ct) =>
        await reflection.BuildingBlocksAsync(id, ct) is { } b ? (b.CaseId, b.CaseTitle, b.Version, b.MayChange, b.Blocks) : null;

    protected override async Task<Outcome> SaveAsync(int id, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var result = await reflection.SaveBuildingBlocksAsync(id, Version,
            new BuildingBlocksInput(Scores.Select(s => new BlockInput(s.Code, s.Score, s.Note, s.Obstacle)).ToList(), ConfirmPersonalData), ct);
        Copy(result, errors);
        return result.Outcome;
    }
}

/// <summary>"Sociale innovatie": where the case stands on new knowledge, doing, framing and organising.</summary>
public sealed class InnovationModel(CaseReflection reflection, ConversationCards cards, IStringLocalizer<Texts> text) : ReflectionPageModel(cards, text)
{
    public override ReflectionTool Tool => ReflectionTool.SocialInnovation;

    protected override async Task<(int, string, int, bool, IReadOnlyList<ScoreDto>)?> LoadAsync(int id, CancellationToken ct) =>
        await reflection.SocialInnovationAsync(id, ct) is { } i ? (i.CaseId, i.CaseTitle, i.Version, i.MayChange, i.Dimensions) : null;

    protected override async Task<Outcome> SaveAsync(int id, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var result = await reflection.SaveSocialInnovationAsync(id, Version,
            new SocialInnovationInput(Scores.Select(s => new DimensionInput(s.Code, s.Score, s.Note)).ToList(), ConfirmPersonalData), ct);
        Copy(result, errors);
        return result.Outcome;
    }
}
