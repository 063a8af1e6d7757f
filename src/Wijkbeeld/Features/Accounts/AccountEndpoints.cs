using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Email;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Accounts;

public sealed record SignInInput(string? Email, string? Password, string? Code);

public sealed record SessionDto(int Id, string Name, string Email, string Role, int? OrganisationId, string? Organisation);

public sealed record OrganisationDto(int Id, string Name, string Kind, int Members);

public sealed record OrganisationInput(string? Name, string? Kind);

public sealed record InvitationInput(string? Email, string? Name, string? Role, int? OrganisationId);

public sealed record InvitationDto(string Email, string Role, int? OrganisationId, DateTime ExpiresAt, string Link);

public sealed record RoleInput(string? Role);

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Accounts");
        // A session cookie for API clients and scripts; the same password and lockout rules as the login page.
        api.MapPost("/session", SignIn).WithSummary("Inloggen (zet een sessiecookie)").RequireRateLimiting(RateLimits.SignIn);
        api.MapGet("/session", Session).WithSummary("Wie ben ik").RequireAuthorization(Policies.SignedIn);
        api.MapDelete("/session", SignOut).WithSummary("Uitloggen").RequireAuthorization(Policies.SignedIn);
        api.MapGet("/organisations", ListOrganisations).WithSummary("Organisaties").RequireAuthorization(Policies.SignedIn);
        api.MapPost("/organisations", CreateOrganisation).WithSummary("Nieuwe organisatie").RequireAuthorization(Policies.Administrator);
        api.MapPost("/invitations", Invite).WithSummary("Iemand uitnodigen voor een account").RequireAuthorization(Policies.Moderator);
        api.MapPut("/users/{id:int}/role", ChangeRole).WithSummary("Rol van een account wijzigen").RequireAuthorization(Policies.Moderator);
        routes.MapGet("/account/gegevens", DownloadPersonalData).WithTags("Accounts").WithSummary("Al mijn gegevens (AVG)")
            .RequireAuthorization(Policies.SignedIn);
        return routes;
    }

    static async Task<Results<NoContent, ProblemHttpResult>> SignIn(SignInInput input, SignInManager<User> signIn, IStringLocalizer<Texts> text)
    {
        var outcome = await AccountSignIn.PasswordAsync(signIn, input.Email, input.Password, input.Code);
        return outcome == SignInOutcome.SignedIn
            ? TypedResults.NoContent()
            : Problems.Status(text, StatusCodes.Status401Unauthorized, text["Login.Error." + outcome]);
    }

    static async Task<Results<Ok<SessionDto>, UnauthorizedHttpResult>> Session(HttpContext http, UserManager<User> users, WijkbeeldDb db)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null) return TypedResults.Unauthorized();
        var viewer = Viewer.From(http.User);
        var organisation = user.OrganisationId is { } id ? await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync() : null;
        return TypedResults.Ok(new SessionDto(user.Id, user.DisplayName, user.Email ?? "", viewer.Role ?? Roles.Reader, user.OrganisationId, organisation));
    }

    static async Task<NoContent> SignOut(SignInManager<User> signIn, HttpResponse response)
    {
        await signIn.SignOutAsync();
        response.Headers["Clear-Site-Data"] = "\"cache\"";
        return TypedResults.NoContent();
    }

    static async Task<Ok<List<OrganisationDto>>> ListOrganisations(WijkbeeldDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Organisations.OrderBy(o => o.Name)
            .Select(o => new OrganisationDto(o.Id, o.Name, o.Kind.ToString().ToLowerInvariant(), o.Members.Count)).ToListAsync(ct));

    static async Task<Results<Created<OrganisationDto>, ValidationProblem>> CreateOrganisation(
        OrganisationInput input, WijkbeeldDb db, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 150) errors["name"] = [text["Error.Required", text["Organisation.Name"]]];
        else if (await db.Organisations.AnyAsync(o => o.Name == name, ct)) errors["name"] = [text["Organisation.Exists"]];
        if (!Enum.TryParse<OrganisationKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            errors["kind"] = [text["Organisation.KindInvalid", string.Join(", ", Enum.GetNames<OrganisationKind>().Select(n => n.ToLowerInvariant()))]];
        }
        if (errors.Count > 0) return Problems.Validation(text, errors);
        var organisation = new Organisation { Name = name, Kind = kind, Version = 1 };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organisations/{organisation.Id}", new OrganisationDto(organisation.Id, name, kind.ToString().ToLowerInvariant(), 0));
    }

    static async Task<Results<Created<InvitationDto>, ValidationProblem, ProblemHttpResult>> Invite(
        InvitationInput input, Viewer viewer, Invitations invitations, UserManager<User> users, WijkbeeldDb db, IEmailSender mail, EmailTemplates templates,
        HttpRequest request, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var email = input.Email?.Trim() ?? "";
        if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || email.Length > 256)
        {
            errors["email"] = [text["Account.Error.InvalidEmail"]];
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors["email"] = [text["Account.Error.DuplicateEmail"]];
        }
        var role = input.Role?.Trim().ToLowerInvariant() ?? Roles.Professional;
        if (!Roles.All.Contains(role)) errors["role"] = [text["Account.RoleInvalid", string.Join(", ", Roles.All)]];
        if (input.OrganisationId is { } org && !await db.Organisations.AnyAsync(o => o.Id == org, ct)) errors["organisationId"] = [text["Organisation.Unknown"]];
        if (errors.Count > 0) return Problems.Validation(text, errors);
        if (!viewer.MayAssign(role, input.OrganisationId))
        {
            return Problems.Status(text, StatusCodes.Status403Forbidden, text["Account.MayNotAssign"]);
        }
        var token = await invitations.CreateAsync(email, input.Name ?? "", role, input.OrganisationId, viewer.Name, ct);
        var invitation = (await invitations.FindAsync(token, ct))!;
        var link = $"{request.Scheme}://{request.Host}/uitnodiging/{token}";
        await mail.SendAsync(email, templates.Compose(text["Invitation.MailSubject"], input.Name,
            [text["Invitation.MailText", viewer.Name ?? "Wijkbeeld", text["Role." + role], invitation.ExpiresAt.ToLocalTime().ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))]],
            new EmailAction(text["Invitation.MailAction"], new Uri(link))), ct);
        return TypedResults.Created(link, new InvitationDto(email, role, input.OrganisationId, invitation.ExpiresAt, link));
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangeRole(
        int id, RoleInput input, Viewer viewer, UserManager<User> users, IStringLocalizer<Texts> text)
    {
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return Problems.NotFound(text);
        var role = input.Role?.Trim().ToLowerInvariant() ?? "";
        if (!Roles.All.Contains(role)) return Problems.Validation(text, new Dictionary<string, string[]> { ["role"] = [text["Account.RoleInvalid", string.Join(", ", Roles.All)]] });
        var current = await users.GetRolesAsync(user);
        if (!viewer.MayAssign(role, user.OrganisationId) || current.Any(r => !viewer.MayAssign(r, user.OrganisationId)) || user.Id == viewer.UserId)
        {
            return Problems.Status(text, StatusCodes.Status403Forbidden, text["Account.MayNotAssign"]);
        }
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        // Signs the person out elsewhere within a minute, so the new role takes effect.
        await users.UpdateSecurityStampAsync(user);
        return TypedResults.NoContent();
    }

    static async Task<IResult> DownloadPersonalData(HttpContext http, UserManager<User> users, PersonalData data, CancellationToken ct)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null) return TypedResults.Unauthorized();
        http.Response.Headers.ContentDisposition = "attachment; filename=\"mijn-wijkbeeld-gegevens.json\"";
        return TypedResults.Json(await data.ExportAsync(user, ct), new JsonSerializerOptions(JsonSerializerOptions.Web) { WriteIndented = true });
    }
}
