using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbeeld.Features.Profile.Admin;

public sealed class IndicatorsModel(IndicatorReader reader) : PageModel
{
    public IReadOnlyList<IndicatorSummary> Indicators { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Indicators = await reader.ListAsync(ct);
}
