using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Stories;

/// <summary>"Vertel je verhaal": a resident tells a short story about their neighbourhood, without an account; a moderator approves it first.</summary>
[EnableRateLimiting(RateLimits.Contributions)]
public sealed class TellModel(StoryService stories, StoryReader reader, AreaIndex areaIndex) : PageModel
{
    [BindProperty] public StoryForm Form { get; set; } = new();

    /// <summary>The honeypot (hidden from people, see <see cref="StorySubmission"/>).</summary>
    [BindProperty(Name = "Form.Website")] public string? Website { get; set; }
    public FormErrors Errors { get; private set; } = new(new Dictionary<string, string[]>());
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public AreaMap Areas { get; private set; } = null!;
    public bool Received { get; private set; }

    [DisableRateLimiting]
    public async Task OnGetAsync(string? area, CancellationToken ct)
    {
        Form = new StoryForm { Area = area };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (story, errors) = await stories.SubmitAsync(new StorySubmission
        {
            Text = Form.Text, Source = Form.Source, Themes = Form.Themes, Area = Form.Area, Website = Website,
        }, ct);
        await LoadAsync(ct);
        if (story is null)
        {
            Errors = new(errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Received = true;
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Themes = await reader.ThemesAsync(ct);
        Areas = await areaIndex.GetAsync(ct);
    }
}
