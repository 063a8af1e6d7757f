using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Wijkbeeld.Features.Profile.Admin;

/// <summary>Upload CBS kerncijfers (CSV or OData JSON) or own indicators; the file is checked here and stored in the background.</summary>
[RequestSizeLimit(ProfileLimits.HardMaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ProfileLimits.HardMaxBytes)]
public sealed class ImportModel(IndicatorImport import, IOptions<ProfileOptions> options, Microsoft.Extensions.Localization.IStringLocalizer<Texts> text) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public IFormFile? DataProperties { get; set; }
    [BindProperty] public string? Year { get; set; }
    [BindProperty] public string? Table { get; set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public string? Form { get; private set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostCbsAsync(CancellationToken ct) => RunAsync("cbs", async () =>
    {
        int? year = null;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            year = int.TryParse(Year, out var y) ? y : throw new IndicatorImportException(text["Profile.Error.Year"]);
        }
        await using var data = Upload!.OpenReadStream();
        await using var properties = DataProperties is { Length: > 0 } ? DataProperties.OpenReadStream() : null;
        return await import.ReadCbsAsync(data, Upload.FileName, year, properties, ct);
    });

    public Task<IActionResult> OnPostOwnAsync(CancellationToken ct) => RunAsync("own", async () =>
    {
        await using var data = Upload!.OpenReadStream();
        return await import.ReadOwnAsync(data, ct);
    });

    async Task<IActionResult> RunAsync(string form, Func<Task<ParsedImport>> read)
    {
        Form = form;
        if (Request.ContentLength > options.Value.MaxImportBytes || Upload?.Length > options.Value.MaxImportBytes)
        {
            Problems = [text["Profile.Import.TooLarge", options.Value.MaxImportBytes / (1024 * 1024)]];
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Page();
        }
        if (Upload is null || Upload.Length == 0)
        {
            Problems = [text["Import.NoFile"]];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            var parsed = await read();
            var job = import.Start(parsed, Upload.FileName);
            return Redirect($"/profiel/beheer/import/{job.Id}");
        }
        catch (IndicatorImportException e)
        {
            Problems = e.Problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}

public static class ProfileLimits
{
    /// <summary>The form may carry this much at most; the configured Profile:MaxImportBytes (smaller) is checked first.</summary>
    public const long HardMaxBytes = 512L * 1024 * 1024;
}
