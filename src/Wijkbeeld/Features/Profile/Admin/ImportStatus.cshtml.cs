using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Profile.Admin;

/// <summary>Progress of a background import, refreshed by htmx (or a meta refresh without script), then its report.</summary>
public sealed class ImportStatusModel(ImportJobs jobs) : PageModel
{
    public ImportProgress Job { get; private set; } = null!;

    public IActionResult OnGet(Guid id)
    {
        if (jobs.Find(id) is not { } job)
        {
            return NotFound();
        }
        Job = job;
        return Request.IsHtmx() ? Partial("_ImportStatus", this) : Page();
    }
}
