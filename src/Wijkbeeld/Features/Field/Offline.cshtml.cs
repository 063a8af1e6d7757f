using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbeeld.Features.Field;

/// <summary>Shown by the service worker for a page that was never opened on this device while there is no connection.</summary>
public sealed class OfflineModel : PageModel
{
    public void OnGet()
    {
    }
}
