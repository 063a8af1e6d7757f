using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Stories;

/// <summary>What a resident sends without an account. "Website" is a honeypot: people never see it, bots fill it in.</summary>
public sealed record StorySubmission
{
    public string? Text { get; init; }
    public string? Source { get; init; }
    public List<string>? Themes { get; init; }
    public string? Area { get; init; }
    public string? Website { get; init; }
}

public sealed record StoryReceipt(int Id, string Message);

public sealed record StoryModerationInput(string? Decision, string? Reason, string? Text);

public enum StoryOutcome { Done, NotFound, Forbidden, Conflict, Invalid }

/// <summary>Stores stories: those of professionals signed and owned by their organisation, those of residents waiting for moderation.</summary>
public sealed class StoryService(WijkbeeldDb db, Viewer viewer, StoryRules rules, IStringLocalizer<Texts> text)
{
    public const string Approve = "goedkeuren";
    public const string Reject = "afwijzen";

    public async Task<(Story? Story, Dictionary<string, string[]> Errors)> CreateAsync(StoryInput input, CancellationToken ct)
    {
        var story = new Story();
        var errors = await rules.ApplyAsync(input, story, fromPublic: false, ct);
        if (errors.Count > 0) return (null, errors);
        story.OrganisationId = viewer.OrganisationId;
        story.CreatedById = viewer.UserId;
        story.CreatedBy = viewer.Name ?? "";
        story.CreatedAt = DateTime.UtcNow;
        story.Moderation = ModerationState.Approved;
        story.Version = 1;
        db.Stories.Add(story);
        await db.SaveChangesAsync(ct);
        return (story, errors);
    }

    /// <summary>A resident's story: public once approved, nobody's organisation, signed by nobody.</summary>
    public async Task<(Story? Story, Dictionary<string, string[]> Errors)> SubmitAsync(StorySubmission input, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(input.Website))
        {
            return (new Story(), []);
        }
        var story = new Story();
        var errors = await rules.ApplyAsync(new StoryInput { Text = input.Text, Source = input.Source, Themes = input.Themes, Area = input.Area },
            story, fromPublic: true, ct);
        if (errors.Count > 0) return (null, errors);
        story.CreatedBy = text["Stories.Resident"];
        story.CreatedAt = DateTime.UtcNow;
        story.Moderation = ModerationState.Pending;
        story.Version = 1;
        db.Stories.Add(story);
        await db.SaveChangesAsync(ct);
        return (story, errors);
    }

    public async Task<(StoryOutcome Outcome, Story? Story, Dictionary<string, string[]> Errors)> UpdateAsync(int id, int expected, StoryInput input, CancellationToken ct)
    {
        var story = await db.Stories.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (story is null) return (StoryOutcome.NotFound, null, []);
        if (!viewer.CanChange(story.OrganisationId)) return (StoryOutcome.Forbidden, story, []);
        if (story.Version != expected) return (StoryOutcome.Conflict, story, []);
        var errors = await rules.ApplyAsync(input, story, fromPublic: false, ct);
        if (errors.Count > 0) return (StoryOutcome.Invalid, null, errors);
        return await SaveVersionAsync(story, expected, ct);
    }

    public async Task<StoryOutcome> DeleteAsync(int id, CancellationToken ct)
    {
        var story = await db.Stories.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (story is null) return StoryOutcome.NotFound;
        if (!viewer.CanChange(story.OrganisationId)) return StoryOutcome.Forbidden;
        db.Stories.Remove(story);
        await db.SaveChangesAsync(ct);
        return StoryOutcome.Done;
    }

    /// <summary>A moderator approves (optionally with a corrected text, e.g. a name taken out) or rejects with a reason.</summary>
    public async Task<(StoryOutcome Outcome, Dictionary<string, string[]> Errors)> DecideAsync(int id, int expected, StoryModerationInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var decision = input.Decision?.Trim().ToLowerInvariant();
        if (decision is not (Approve or Reject))
        {
            errors["decision"] = [text["Moderation.DecisionUnknown"]];
            return (StoryOutcome.Invalid, errors);
        }
        var story = await db.Stories.IgnoreQueryFilters([WijkbeeldDb.ModerationFilter]).FirstOrDefaultAsync(s => s.Id == id && s.Moderation == ModerationState.Pending, ct);
        if (story is null) return (StoryOutcome.NotFound, errors);
        if (decision == Approve)
        {
            if (input.Text is not null)
            {
                var corrected = ItemRules.Clean(input.Text);
                if (corrected is null) errors["text"] = [text["Stories.Error.TextRequired"]];
                else if (corrected.Length > StoryRules.TextMaxLength) errors["text"] = [text["Error.TooLong", StoryRules.TextMaxLength]];
                else story.Text = corrected;
            }
            story.Moderation = ModerationState.Approved;
        }
        else
        {
            var reason = ItemRules.Clean(input.Reason);
            if (reason is null || reason.Length > ItemRules.ShortTextMaxLength) errors["reason"] = [text["Moderation.ReasonRequired", ItemRules.ShortTextMaxLength]];
            story.Moderation = ModerationState.Rejected;
            story.ModerationNote = reason;
        }
        if (errors.Count > 0) return (StoryOutcome.Invalid, errors);
        if (story.Version != expected) return (StoryOutcome.Conflict, errors);
        return ((await SaveVersionAsync(story, expected, ct)).Outcome, errors);
    }

    async Task<(StoryOutcome Outcome, Story? Story, Dictionary<string, string[]> Errors)> SaveVersionAsync(Story story, int expected, CancellationToken ct)
    {
        return await db.TrySaveVersionAsync(story, s => s.Version, expected, ct)
            ? (StoryOutcome.Done, story, [])
            : (StoryOutcome.Conflict, null, []);
    }
}
