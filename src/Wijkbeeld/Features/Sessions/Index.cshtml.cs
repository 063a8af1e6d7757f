using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;

namespace Wijkbeeld.Features.Sessions;

/// <summary>"Werksessies": the sessions, and a form to plan a new one with 5W+H and a programme.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class IndexModel(SessionService sessions, AreaIndex areas) : PageModel
{
    public sealed class PlanForm
    {
        public string? Title { get; set; }
        public string? What { get; set; }
        public string? Why { get; set; }
        public string? Who { get; set; }
        public string? Where { get; set; }
        public string? When { get; set; }
        public string? How { get; set; }
        public string? AreaCode { get; set; }
        public string? Mode { get; set; } = SessionModes.Room;
        public DateTime? StartsAt { get; set; }

        /// <summary>Minutes per standard part (in <see cref="PartKinds.All"/> order); 0 leaves it out.</summary>
        public int[] Minutes { get; set; } = [15, 15, 30, 20, 10, 10];
    }

    [BindProperty] public PlanForm Form { get; set; } = new();
    public IReadOnlyList<SessionSummary> All { get; private set; } = [];
    public IReadOnlyList<AreaInfo> Areas { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var parts = PartKinds.All.Select((kind, i) => (kind, minutes: i < Form.Minutes.Length ? Form.Minutes[i] : 0))
            .Where(p => p.minutes > 0).Select(p => new PartInput(p.kind, null, p.minutes)).ToList();
        var result = await sessions.CreateAsync(new SessionInput
        {
            Title = Form.Title, What = Form.What, Why = Form.Why, Who = Form.Who, Where = Form.Where, When = Form.When, How = Form.How,
            AreaCode = string.IsNullOrEmpty(Form.AreaCode) ? null : Form.AreaCode, Mode = Form.Mode,
            StartsAt = Form.StartsAt is { } s ? DateTime.SpecifyKind(s, DateTimeKind.Local) : null, Parts = parts,
        }, Viewer.From(User).UserId, ct);
        if (!result.Ok)
        {
            Errors = result.Errors ?? new() { [""] = [result.Error!] };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        return Redirect($"/sessies/{result.Value!.Id}");
    }

    public async Task<IActionResult> OnPostCopyAsync(int id, CancellationToken ct)
    {
        var result = await sessions.CopyAsync(id, Viewer.From(User).UserId, ct);
        return result.Ok ? Redirect($"/sessies/{result.Value!.Id}") : NotFound();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        All = await sessions.ListAsync(ct);
        Areas = (await areas.GetAsync(ct)).All.Where(a => a.Level != AreaLevel.Municipality).OrderBy(a => a.Level).ThenBy(a => a.Name).ToList();
    }
}
