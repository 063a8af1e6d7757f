using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Contributions;

/// <summary>Public contributions and their moderation; the item rules and the item service do the real work.</summary>
public sealed class Contributions(ItemRules rules, ItemService items, IStringLocalizer<Texts> text)
{
    public const string Approve = "goedkeuren";
    public const string Reject = "afwijzen";
    public const string Merge = "samenvoegen";

    public async Task<(Item? Item, Dictionary<string, string[]> Errors)> SubmitAsync(ContributionInput input, CancellationToken ct)
    {
        // A filled-in honeypot looks like success to the bot, and stores nothing.
        if (!string.IsNullOrEmpty(input.Website))
        {
            return (new Item(), []);
        }
        var check = await rules.ValidateAsync(new ItemInput
        {
            Kind = input.Kind, Title = input.Title, Description = input.Description, Latitude = input.Latitude, Longitude = input.Longitude,
        }, null, ct);
        var errors = check.Errors;
        if (check.Item is { } valid && !ContributionEndpoints.PublicKinds.Contains(valid.Kind))
        {
            errors["kind"] = [text["Contribution.KindNotAllowed"]];
        }
        if (errors.Count > 0) return (null, errors);
        return (await items.ContributeAsync(check.Item!, ct), errors);
    }

    public static IQueryable<PendingContribution> PendingQuery(WijkbeeldDb db) =>
        db.Items.IgnoreQueryFilters([WijkbeeldDb.ModerationFilter]).AsNoTracking()
            .Where(i => i.Moderation == ModerationState.Pending).OrderBy(i => i.CreatedAt)
            .Select(i => new PendingContribution(i.Id, i.Kind.Code(), i.Title, i.Description, i.Latitude, i.Longitude, i.NeighbourhoodCode, i.CreatedAt, i.Version));

    public async Task<(ChangeResult? Result, Dictionary<string, string[]> Errors)> DecideAsync(int id, int version, ModerationInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        switch (input.Decision?.Trim().ToLowerInvariant())
        {
            case Approve:
                ValidItem? edited = null;
                if (input.Title is not null || input.Description is not null || input.Kind is not null)
                {
                    var pending = await items.FindPendingAsync(id, ct);
                    if (pending is null) return (new(ChangeOutcome.NotFound, null), errors);
                    var check = await rules.ValidateAsync(new ItemInput
                    {
                        Kind = input.Kind ?? pending.Kind.Code(), Title = input.Title ?? pending.Title, Description = input.Description ?? pending.Description,
                        Latitude = pending.Latitude, Longitude = pending.Longitude, Themes = pending.Themes.Select(t => t.ThemeCode).ToList(),
                    }, id, ct);
                    if (!check.IsValid) return (null, check.Errors);
                    edited = check.Item;
                }
                return (await items.ApproveAsync(id, version, edited, ct), errors);
            case Reject:
                var reason = ItemRules.Clean(input.Reason);
                if (reason is null || reason.Length > ItemRules.ShortTextMaxLength)
                {
                    errors["reason"] = [text["Moderation.ReasonRequired", ItemRules.ShortTextMaxLength]];
                    return (null, errors);
                }
                return (await items.RejectAsync(id, version, reason, ct), errors);
            case Merge:
                if (input.TargetItemId is not { } target)
                {
                    errors["targetItemId"] = [text["Moderation.TargetRequired"]];
                    return (null, errors);
                }
                return (await items.MergeAsync(id, version, target, ct), errors);
            default:
                errors["decision"] = [text["Moderation.DecisionUnknown"]];
                return (null, errors);
        }
    }
}
