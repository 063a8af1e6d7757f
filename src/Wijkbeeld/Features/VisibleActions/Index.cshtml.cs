using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.VisibleActions;

/// <summary>The visible actions with filters on area, status and month, and "acties deze maand" per area.</summary>
public sealed class IndexModel(VisibleActionService actions, AreaIndex areaIndex, Viewer viewer) : PageModel
{
    public AreaMap Areas { get; private set; } = null!;
    public IReadOnlyList<VisibleAction> Actions { get; private set; } = [];
    public IReadOnlyList<IGrouping<string, VisibleAction>> ThisMonth { get; private set; } = [];
    public string ThisMonthName { get; private set; } = "";
    public string? Area { get; private set; }
    public string? Status { get; private set; }
    public string? Month { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public bool CanWrite => viewer.CanWrite;

    public string QueryString => Microsoft.AspNetCore.Http.QueryString.Create(
        new Dictionary<string, string?> { ["area"] = Area, ["status"] = Status, ["month"] = Month }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();

    public async Task OnGetAsync(string? area, string? status, string? month, CancellationToken ct)
    {
        Areas = await areaIndex.GetAsync(ct);
        (Area, Status, Month) = (NullIfEmpty(area), NullIfEmpty(status), NullIfEmpty(month));
        var (filter, errors) = await actions.ParseAsync(Area, Status, Month, ct);
        if (filter is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            filter = new ActionFilter(null, null, null);
        }
        Actions = await actions.ListAsync(filter, ct);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var first = new DateOnly(today.Year, today.Month, 1);
        ThisMonthName = first.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
        var thisMonth = await actions.ListAsync(filter with { Status = null, Month = first }, ct);
        ThisMonth = thisMonth.OrderBy(a => a.Date).GroupBy(a => Areas.Find(a.AreaCode)?.Name ?? a.AreaCode).OrderBy(g => g.Key).ToList();
    }

    static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
