using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.VisibleActions;

/// <summary>What the action form needs: the values, the errors per field and the areas to choose from.</summary>
public sealed record ActionFormView(ActionInput Form, IReadOnlyDictionary<string, string[]> Errors, AreaMap Areas, bool WithEvaluation)
{
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    public string? DescribedBy(string field) => Errors.ContainsKey(field) ? "error-" + field : null;
}
