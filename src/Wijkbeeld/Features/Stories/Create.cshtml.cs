using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Stories;

/// <summary>A professional writes down a story or quote they heard.</summary>
[Authorize(Policy = Accounts.Policies.Writer)]
public sealed class CreateModel(StoryService stories, StoryReader reader, AreaIndex areaIndex) : PageModel
{
    [BindProperty] public StoryForm Form { get; set; } = new();
    public FormErrors Errors { get; private set; } = new(new Dictionary<string, string[]>());
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public AreaMap Areas { get; private set; } = null!;

    public async Task OnGetAsync(string? area, CancellationToken ct)
    {
        Form = new StoryForm { Area = area, Date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (story, errors) = await stories.CreateAsync(Form.ToInput(), ct);
        if (story is null)
        {
            Errors = new(errors);
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = "Stories.Added";
        return Redirect($"/verhalen/gebied/{story.AreaCode}");
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Themes = await reader.ThemesAsync(ct);
        Areas = await areaIndex.GetAsync(ct);
    }
}
