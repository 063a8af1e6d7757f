using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Wijkbeeld.Features.Areas;

/// <summary>Admin page: upload the CBS/PDOK wijken-en-buurten GeoJSON to replace the (sample) boundaries.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Accounts.Policies.Moderator)]
[RequestSizeLimit(AreaEndpoints.MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AreaEndpoints.MaxImportBytes)]
public sealed class ImportModel(AreaImport import, IStringLocalizer<Texts> text) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool Confirm { get; set; }
    public AreaImportReport? Report { get; private set; }
    public IReadOnlyList<AreaImportProblem> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Problems = [new AreaImportProblem(null, text["Import.NoFile"])];
        }
        else if (!Confirm)
        {
            Problems = [new AreaImportProblem(null, text["AreaImport.ConfirmRequired"])];
        }
        else
        {
            try
            {
                await using var stream = Upload.OpenReadStream();
                Report = await import.ImportAsync(stream, isSample: false, ct);
                return Page();
            }
            catch (AreaImportException e)
            {
                Problems = e.Problems;
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
