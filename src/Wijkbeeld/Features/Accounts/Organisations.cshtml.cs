using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Accounts;

/// <summary>Organisations and their people: an administrator sees all and adds organisations; a coordinator manages their own.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class OrganisationsModel(WijkbeeldDb db, Members members, Viewer viewer, IStringLocalizer<Texts> text) : PageModel
{
    [BindProperty] public int UserId { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int? OrganisationId { get; set; }
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public string? NewKind { get; set; }
    public Viewer Viewer => viewer;
    public IReadOnlyList<Organisation> List { get; private set; } = [];
    public Dictionary<int, IReadOnlyList<MemberDto>> MembersOf { get; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? InvitationLink { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRoleAsync(CancellationToken ct)
    {
        var outcome = await members.ChangeRoleAsync(viewer, UserId, Role);
        return await AfterAsync(outcome, [], "Organisations.RoleChanged", ct);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var (outcome, invitation, errors) = await members.InviteAsync(viewer, new InvitationInput(Email, Name, Role, OrganisationId), $"{Request.Scheme}://{Request.Host}", ct);
        InvitationLink = invitation?.Link;
        return await AfterAsync(outcome, errors, null, ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!viewer.SeesEverything) return Forbid();
        var (organisation, errors) = await members.CreateOrganisationAsync(new OrganisationInput(NewName, NewKind), ct);
        return await AfterAsync(organisation is null ? MemberOutcome.Invalid : MemberOutcome.Done, errors, "Organisations.Created", ct);
    }

    async Task<IActionResult> AfterAsync(MemberOutcome outcome, Dictionary<string, string[]> errors, string? done, CancellationToken ct)
    {
        if (outcome == MemberOutcome.Done && done is not null)
        {
            TempData["Message"] = done;
            return RedirectToPage();
        }
        if (outcome != MemberOutcome.Done)
        {
            Errors = outcome switch
            {
                MemberOutcome.Invalid => errors.Count > 0 ? errors : new() { ["role"] = [text["Account.RoleInvalid", string.Join(", ", Roles.All)]] },
                MemberOutcome.NotFound => new() { ["id"] = [text["Problem.NotFoundDetail"]] },
                _ => new() { ["role"] = [text["Account.MayNotAssign"]] },
            };
            Response.StatusCode = outcome == MemberOutcome.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        }
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var query = db.Organisations.AsNoTracking().OrderBy(o => o.Name).AsQueryable();
        if (!viewer.SeesEverything)
        {
            query = query.Where(o => o.Id == viewer.OrganisationId);
        }
        List = await query.ToListAsync(ct);
        foreach (var organisation in List)
        {
            MembersOf[organisation.Id] = await members.OfAsync(organisation.Id, ct);
        }
    }
}
