using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.Observations;

/// <summary>The list of observations with the filters of the map; also the accessible alternative to the map layer.</summary>
public sealed class IndexModel(ObservationReader reader, AreaIndex areaIndex) : PageModel
{
    public const int ListSize = 200;

    public ObservationQuery Query { get; private set; } = new();
    public IReadOnlyList<ObservationDto> Results { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public IReadOnlyList<ObservationGroup> Groups { get; private set; } = [];
    public AreaMap Areas { get; private set; } = null!;

    public ObservationFiltersView Filters => new(Query, Groups, Areas, "/observaties", Errors);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Query = ObservationQuery.Parse(Request.Query);
        Groups = await reader.GroupsAsync(ct);
        Areas = await areaIndex.GetAsync(ct);
        (var filter, Errors) = await reader.ParseAsync(Query, ct);
        if (filter is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Results = await reader.ListAsync(filter, ct, ListSize);
    }
}
