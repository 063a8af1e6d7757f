using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbeeld.Features.Field;

/// <summary>What this device still has to send, and what it sent: read from the browser's storage by outbox-page.js.</summary>
public sealed class OutboxModel : PageModel
{
    public void OnGet()
    {
    }
}
