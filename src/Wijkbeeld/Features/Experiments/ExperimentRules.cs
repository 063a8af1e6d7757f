using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Privacy;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Experiments;

public sealed record ExperimentInput
{
    public string? AreaCode { get; init; }
    public string? Title { get; init; }
    public string? Hypothesis { get; init; }
    public int? PatternId { get; init; }
    public string? Place { get; init; }
    public string? StartsOn { get; init; }
    public string? EndsOn { get; init; }
    public string? Partners { get; init; }
    public string? StopCriterion { get; init; }
    public string? RemovalPlan { get; init; }
    public string? Visibility { get; init; }
    public bool? ConfirmPersonalData { get; init; }
}

public sealed record QuestionInput
{
    public string? Kind { get; init; }
    public string? Text { get; init; }
    public List<string>? Options { get; init; }
}

public sealed record EvaluationInput
{
    public string? Evaluation { get; init; }
    public string? Decision { get; init; }
    public bool? ConfirmPersonalData { get; init; }
}

/// <summary>Checks experiments, survey questions, answers and the evaluation; every message is Dutch and names the field.</summary>
public sealed class ExperimentRules(WijkbeeldDb db, AreaIndex areas, IStringLocalizer<Texts> text)
{
    public const int TitleMaxLength = 120;
    public const int TextMaxLength = 1000;
    public const int ShortMaxLength = 200;
    public const int QuestionMaxLength = 200;
    public const int OptionMaxLength = 80;
    public const int MaxOptions = 8;
    public const int MaxQuestions = 10;
    public const int OpenAnswerMaxLength = 500;

    public static readonly string[] QuestionKinds = ["keuze", "schaal", "open"];
    public static readonly string[] Decisions = ["doorgaan", "stoppen", "borgen"];

    public async Task<(Experiment? Experiment, Dictionary<string, string[]> Errors)> ValidateAsync(ExperimentInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];
        string? Required(string field, string? value, int max)
        {
            var clean = ItemRules.Clean(value);
            if (clean is null) Add(field, text["Experiments.Error.Required"]);
            else if (clean.Length > max) Add(field, text["Error.TooLong", max]);
            return clean;
        }

        var area = (await areas.GetAsync(ct)).Find(input.AreaCode);
        if (area is null) Add("areaCode", text["Experiments.Error.Area"]);
        var title = Required("title", input.Title, TitleMaxLength);
        var hypothesis = Required("hypothesis", input.Hypothesis, TextMaxLength);
        var place = Required("place", input.Place, ShortMaxLength);
        var stop = Required("stopCriterion", input.StopCriterion, TextMaxLength);
        var removal = Required("removalPlan", input.RemovalPlan, TextMaxLength);
        var partners = ItemRules.Clean(input.Partners) ?? "";
        if (partners.Length > ShortMaxLength) Add("partners", text["Error.TooLong", ShortMaxLength]);
        DateOnly? Date(string field, string? value)
        {
            if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 2000 && d.Year < 2100) return d;
            Add(field, text["Experiments.Error.Date"]);
            return null;
        }
        var starts = Date("startsOn", input.StartsOn);
        var ends = Date("endsOn", input.EndsOn);
        if (starts is { } s && ends is { } e && e < s) Add("endsOn", text["Experiments.Error.EndsBeforeStart"]);
        if (input.PatternId is { } patternId && area is not null
            && !await db.TimelinePatterns.AnyAsync(p => p.Id == patternId && p.AreaCode == area.Code, ct))
        {
            Add("patternId", text["Experiments.Error.Pattern"]);
        }
        var visibility = Visibility.Partners;
        if (input.Visibility is { } v && !ItemCatalog.TryParseVisibility(v, out visibility)) Add("visibility", text["Experiments.Error.Visibility"]);
        if (errors.Count == 0 && input.ConfirmPersonalData != true)
        {
            errors = PersonalDataRules.Check(text, [("title", title), ("hypothesis", hypothesis), ("place", place), ("partners", partners),
                ("stopCriterion", stop), ("removalPlan", removal)]);
        }
        if (errors.Count > 0) return (null, errors);
        return (new Experiment
        {
            AreaCode = area!.Code, Title = title!, Hypothesis = hypothesis!, PatternId = input.PatternId, Place = place!, StartsOn = starts!.Value,
            EndsOn = ends!.Value, Partners = partners, StopCriterion = stop!, RemovalPlan = removal!, Visibility = visibility,
        }, errors);
    }

    public (SurveyQuestion? Question, Dictionary<string, string[]> Errors) Validate(QuestionInput input, int existing)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = input.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !QuestionKinds.Contains(kind)) errors["kind"] = [text["Experiments.Error.QuestionKind"]];
        var question = ItemRules.Clean(input.Text);
        if (question is null) errors["text"] = [text["Experiments.Error.QuestionText"]];
        else if (question.Length > QuestionMaxLength) errors["text"] = [text["Error.TooLong", QuestionMaxLength]];
        var options = (input.Options ?? []).Select(o => ItemRules.Clean(o)).OfType<string>().Distinct().ToList();
        if (kind == "keuze" && (options.Count < 2 || options.Count > MaxOptions || options.Any(o => o.Length > OptionMaxLength || o.Contains('\n'))))
        {
            errors["options"] = [text["Experiments.Error.Options", MaxOptions, OptionMaxLength]];
        }
        if (existing >= MaxQuestions) errors["text"] = [text["Experiments.Error.TooManyQuestions", MaxQuestions]];
        if (errors.Count > 0) return (null, errors);
        return (new SurveyQuestion { Kind = kind!, Text = question!, Options = kind == "keuze" ? string.Join('\n', options) : "", Position = existing + 1 }, errors);
    }

    /// <summary>Answers by question id (as text, as a form posts them); empty answers are skipped, at least one is needed.</summary>
    public (List<SurveyAnswer>? Answers, Dictionary<string, string[]> Errors) Validate(IReadOnlyList<SurveyQuestion> questions,
        IReadOnlyDictionary<string, string?> answers, bool confirmPersonalData)
    {
        var errors = new Dictionary<string, string[]>();
        var result = new List<SurveyAnswer>();
        foreach (var key in answers.Keys.Where(k => !questions.Any(q => q.Id.ToString(CultureInfo.InvariantCulture) == k)))
        {
            errors[key] = [text["Experiments.Error.UnknownQuestion"]];
        }
        foreach (var q in questions)
        {
            var field = q.Id.ToString(CultureInfo.InvariantCulture);
            var value = ItemRules.Clean(answers.GetValueOrDefault(field));
            if (value is null) continue;
            var valid = q.Kind switch
            {
                "keuze" => q.Options.Split('\n').Contains(value),
                "schaal" => value is "1" or "2" or "3" or "4" or "5",
                _ => value.Length <= OpenAnswerMaxLength,
            };
            if (!valid)
            {
                errors[field] = [q.Kind == "open" ? text["Error.TooLong", OpenAnswerMaxLength] : text["Experiments.Error.Answer"]];
                continue;
            }
            result.Add(new SurveyAnswer { QuestionId = q.Id, Value = value });
        }
        if (errors.Count == 0 && result.Count == 0) errors["answers"] = [text["Experiments.Error.NoAnswers"]];
        if (errors.Count == 0 && !confirmPersonalData)
        {
            errors = PersonalDataRules.Check(text, result.Select(a => (a.QuestionId.ToString(CultureInfo.InvariantCulture), (string?)a.Value)));
        }
        return errors.Count > 0 ? (null, errors) : (result, errors);
    }

    public Dictionary<string, string[]> Apply(EvaluationInput input, Experiment experiment)
    {
        var errors = new Dictionary<string, string[]>();
        var evaluation = ItemRules.Clean(input.Evaluation) ?? "";
        if (evaluation.Length > TextMaxLength) errors["evaluation"] = [text["Error.TooLong", TextMaxLength]];
        var decision = string.IsNullOrWhiteSpace(input.Decision) ? null : input.Decision.Trim().ToLowerInvariant();
        if (decision is not null && !Decisions.Contains(decision)) errors["decision"] = [text["Experiments.Error.Decision"]];
        if (errors.Count == 0 && input.ConfirmPersonalData != true)
        {
            errors = PersonalDataRules.Check(text, [("evaluation", evaluation)], [experiment.Evaluation]);
        }
        if (errors.Count > 0) return errors;
        experiment.Evaluation = evaluation;
        experiment.Decision = decision;
        return errors;
    }
}
