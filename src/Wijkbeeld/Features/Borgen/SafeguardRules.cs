using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Privacy;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Borgen;

public sealed record SafeguardInput
{
    /// <summary>Needed only when the safeguard comes from neither an experiment nor an action.</summary>
    public string? AreaCode { get; init; }
    public int? ExperimentId { get; init; }
    public int? ActionId { get; init; }
    public string? Title { get; init; }
    public string? OwnerOrganisation { get; init; }
    public string? OwnerPerson { get; init; }
    public string? BudgetLine { get; init; }
    public string? ReviewMeeting { get; init; }
    public string? NextReviewOn { get; init; }
    public string? Notes { get; init; }
    public string? Visibility { get; init; }
    public bool? ConfirmPersonalData { get; init; }

    public static SafeguardInput From(Safeguard g) => new()
    {
        AreaCode = g.AreaCode, ExperimentId = g.ExperimentId, ActionId = g.ActionId, Title = g.Title, OwnerOrganisation = g.OwnerOrganisation,
        OwnerPerson = g.OwnerPerson, BudgetLine = g.BudgetLine, ReviewMeeting = g.ReviewMeeting,
        NextReviewOn = g.NextReviewOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Notes = g.Notes, Visibility = g.Visibility.Code(),
    };
}

/// <summary>Checks a safeguard: a success it secures (an experiment decided "borgen" or an action that was done), an owner and a review date.</summary>
public sealed class SafeguardRules(WijkbeeldDb db, AreaIndex areas, IStringLocalizer<Texts> text)
{
    public const int TitleMaxLength = 120;
    public const int ShortMaxLength = 200;
    public const int TextMaxLength = 1000;

    public string Text(string key) => text[key];

    public async Task<Dictionary<string, string[]>> ApplyAsync(SafeguardInput input, Safeguard target, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors.TryAdd(field, [message]);
        string? Required(string field, string? value, int max)
        {
            var clean = ItemRules.Clean(value);
            if (clean is null) Add(field, text["Borgen.Error.Required"]);
            else if (clean.Length > max) Add(field, text["Error.TooLong", max]);
            return clean;
        }
        string Optional(string field, string? value, int max)
        {
            var clean = ItemRules.Clean(value) ?? "";
            if (clean.Length > max) Add(field, text["Error.TooLong", max]);
            return clean;
        }

        string? areaCode = null;
        string? sourceTitle = null;
        if (input.ExperimentId is not null && input.ActionId is not null)
        {
            Add("experimentId", text["Borgen.Error.OneSource"]);
        }
        else if (input.ExperimentId is { } experimentId)
        {
            var experiment = await db.Experiments.AsNoTracking().Where(e => e.Id == experimentId)
                .Select(e => new { e.AreaCode, e.Title, e.Decision }).FirstOrDefaultAsync(ct);
            if (experiment is null || experiment.Decision != "borgen") Add("experimentId", text["Borgen.Error.Experiment"]);
            else (areaCode, sourceTitle) = (experiment.AreaCode, experiment.Title);
        }
        else if (input.ActionId is { } actionId)
        {
            var action = await db.VisibleActions.AsNoTracking().Where(a => a.Id == actionId)
                .Select(a => new { a.AreaCode, a.Title, a.Status }).FirstOrDefaultAsync(ct);
            if (action is null || action.Status != "gedaan") Add("actionId", text["Borgen.Error.Action"]);
            else (areaCode, sourceTitle) = (action.AreaCode, action.Title);
        }
        else
        {
            var area = (await areas.GetAsync(ct)).Find(input.AreaCode);
            if (area is null || area.Level == AreaLevel.Municipality) Add("areaCode", text["Borgen.Error.Area"]);
            else areaCode = area.Code;
        }

        var title = ItemRules.Clean(input.Title) ?? sourceTitle;
        if (title is null) Add("title", text["Borgen.Error.Required"]);
        else if (title.Length > TitleMaxLength) Add("title", text["Error.TooLong", TitleMaxLength]);
        var organisation = Required("ownerOrganisation", input.OwnerOrganisation, ShortMaxLength);
        var person = Optional("ownerPerson", input.OwnerPerson, ShortMaxLength);
        var budget = Optional("budgetLine", input.BudgetLine, ShortMaxLength);
        var meeting = Required("reviewMeeting", input.ReviewMeeting, ShortMaxLength);
        var notes = Optional("notes", input.Notes, TextMaxLength);
        if (!DateOnly.TryParseExact(input.NextReviewOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var next)
            || next.Year is < 2000 or >= 2100)
        {
            Add("nextReviewOn", text["Borgen.Error.Date"]);
        }
        var visibility = Visibility.Partners;
        if (input.Visibility is { } v && !ItemCatalog.TryParseVisibility(v, out visibility)) Add("visibility", text["Borgen.Error.Visibility"]);
        if (errors.Count == 0 && input.ConfirmPersonalData != true)
        {
            errors = PersonalDataRules.Check(text,
                [("title", title), ("ownerOrganisation", organisation), ("ownerPerson", person), ("budgetLine", budget), ("reviewMeeting", meeting), ("notes", notes)],
                [target.Title, target.OwnerOrganisation, target.OwnerPerson, target.BudgetLine, target.ReviewMeeting, target.Notes]);
        }
        if (errors.Count > 0) return errors;
        target.AreaCode = areaCode!;
        target.ExperimentId = input.ExperimentId;
        target.ActionId = input.ActionId;
        target.Title = title!;
        target.OwnerOrganisation = organisation!;
        target.OwnerPerson = person;
        target.BudgetLine = budget;
        target.ReviewMeeting = meeting!;
        target.NextReviewOn = next;
        target.Notes = notes;
        target.Visibility = visibility;
        return errors;
    }
}
