using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Werkagenda;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Network.WhosWho;

/// <summary>The who's who form, as posted by /netwerk/nieuw and /netwerk/{id}.</summary>
public sealed class MemberForm
{
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Activities { get; set; }
    public List<string> Areas { get; set; } = [];
    public int? WorksForId { get; set; }
    public string? OrganisationName { get; set; }
    public List<string> BestPersonTypes { get; set; } = [];
    public string? HowToReach { get; set; }
    public bool ContactConsent { get; set; }
    public string? ConsentDate { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string? Visibility { get; set; }
    public bool ConfirmPersonalData { get; set; }
    public int Version { get; set; }

    public MemberInput ToInput() => new(Kind, Name, Role, Activities, Areas, WorksForId, OrganisationName, BestPersonTypes, HowToReach,
        ContactConsent, ConsentDate, ContactPhone, ContactEmail, Visibility, ConfirmPersonalData);

    public static MemberForm From(NetworkMemberDto m) => new()
    {
        Kind = m.Kind, Name = m.Name, Role = m.Role, Activities = m.Activities, Areas = m.Areas.Select(a => a.Code).ToList(), WorksForId = m.WorksForId,
        OrganisationName = m.WorksForId is null ? m.Organisation : null, BestPersonTypes = m.BestPersonTypes.ToList(), HowToReach = m.HowToReach,
        ContactConsent = m.ContactConsent, ConsentDate = m.ConsentDate?.ToString("yyyy-MM-dd"), ContactPhone = m.ContactPhone,
        ContactEmail = m.ContactEmail, Visibility = m.Visibility, Version = m.Version,
    };
}

/// <summary>What the form partial needs: the form, the choices and the errors.</summary>
public sealed record MemberFormView(MemberForm Form, IReadOnlyList<AreaInfo> Areas, IReadOnlyList<(int Id, string Name)> Organisations, Dictionary<string, string[]> Errors);

static class MemberPageData
{
    public static async Task<(IReadOnlyList<AreaInfo>, IReadOnlyList<(int, string)>)> ChoicesAsync(AreaIndex areas, WijkbeeldDb db, CancellationToken ct)
    {
        var map = await areas.GetAsync(ct);
        var list = map.All.Where(a => a.Level != AreaLevel.Municipality)
            .OrderBy(a => a.Level == AreaLevel.District ? a.Code : a.ParentCode ?? a.Code).ThenBy(a => a.Level).ThenBy(a => a.Name).ToList();
        var organisations = (await db.Organisations.OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        return (list, organisations);
    }
}

/// <summary>/netwerk: who's who per wijk or buurt, filtered per area and best-person type.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NetworkIndexModel(NetworkMembers members, AreaIndex areaIndex, Viewer viewer) : PageModel
{
    [FromQuery(Name = "area")] public string? Area { get; set; }
    [FromQuery(Name = "type")] public string? Type { get; set; }
    public IReadOnlyList<NetworkMemberDto> List { get; private set; } = [];
    public IReadOnlyList<AreaInfo> Areas { get; private set; } = [];
    public Viewer Viewer => viewer;
    public Dictionary<string, int> TypeCounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var map = await areaIndex.GetAsync(ct);
        Areas = map.All.Where(a => a.Level != AreaLevel.Municipality).OrderBy(a => a.Level).ThenBy(a => a.Name).ToList();
        if (!string.IsNullOrEmpty(Area) && map.Find(Area) is null) Area = null;
        if (!string.IsNullOrEmpty(Type) && !BestPersonTypes.IsKnown(Type)) Type = null;
        List = await members.ListAsync(Area, Type, ct);
        var inArea = string.IsNullOrEmpty(Type) ? List : await members.ListAsync(Area, null, ct);
        TypeCounts = BestPersonTypes.All.ToDictionary(t => t.Code, t => inArea.Count(m => m.BestPersonTypes.Contains(t.Code)));
    }
}

/// <summary>/netwerk/nieuw: add a professional or organisation.</summary>
[Authorize(Policy = Policies.Writer)]
public sealed class NetworkCreateModel(NetworkMembers members, AreaIndex areaIndex, WijkbeeldDb db) : PageModel
{
    [BindProperty] public MemberForm Form { get; set; } = new();
    public MemberFormView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Request.Query["area"].ToString() is { Length: > 0 } area) Form.Areas = [area];
        await LoadAsync([], ct);
    }

    async Task LoadAsync(Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var (areas, organisations) = await MemberPageData.ChoicesAsync(areaIndex, db, ct);
        View = new MemberFormView(Form, areas, organisations, errors);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await members.CreateAsync(Form.ToInput(), ct);
        if (result.Outcome == Outcome.Ok)
        {
            TempData["Message"] = "Network.Saved";
            return Redirect("/netwerk");
        }
        if (result.Outcome == Outcome.Forbidden) return Forbid();
        await LoadAsync(result.Errors ?? [], ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

/// <summary>/netwerk/{id}: change an entry (optimistic concurrency through the version in the form) or remove it.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NetworkEditModel(NetworkMembers members, AreaIndex areaIndex, WijkbeeldDb db, IStringLocalizer<Texts> text) : PageModel
{
    [BindProperty] public MemberForm Form { get; set; } = new();
    public MemberFormView View { get; private set; } = null!;
    public NetworkMemberDto Member { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await members.GetAsync(id, ct) is not { } m) return NotFound();
        Member = m;
        Form = MemberForm.From(m);
        await LoadAsync([], ct);
        return Page();
    }

    async Task LoadAsync(Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var (areas, organisations) = await MemberPageData.ChoicesAsync(areaIndex, db, ct);
        View = new MemberFormView(Form, areas, organisations, errors);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await members.GetAsync(id, ct) is not { } m) return NotFound();
        Member = m;
        var result = await members.UpdateAsync(id, Form.Version, Form.ToInput(), ct);
        switch (result.Outcome)
        {
            case Outcome.Ok:
                TempData["Message"] = "Network.Saved";
                return Redirect("/netwerk");
            case Outcome.Forbidden:
                return Forbid();
            case Outcome.Conflict:
                await LoadAsync(new() { ["version"] = [text["Werkagenda.Error.Conflict"]] }, ct);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                await LoadAsync(result.Errors ?? [], ct);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) => await members.DeleteAsync(id, ct) switch
    {
        Outcome.Ok => Redirect("/netwerk"),
        Outcome.Forbidden => Forbid(),
        _ => NotFound(),
    };
}
