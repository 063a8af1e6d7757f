using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Infrastructure.Data;
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
        OrganisationInput input, Members members, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (organisation, errors) = await members.CreateOrganisationAsync(input, ct);
        return organisation is null
            ? Problems.Validation(text, errors)
            : TypedResults.Created($"/api/organisations/{organisation.Id}", new OrganisationDto(organisation.Id, organisation.Name, organisation.Kind.ToString().ToLowerInvariant(), 0));
    }

    static async Task<Results<Created<InvitationDto>, ValidationProblem, ProblemHttpResult>> Invite(
        InvitationInput input, Viewer viewer, Members members, HttpRequest request, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (outcome, invitation, errors) = await members.InviteAsync(viewer, input, $"{request.Scheme}://{request.Host}", ct);
        return outcome switch
        {
            MemberOutcome.Done => TypedResults.Created(invitation!.Link, invitation),
            MemberOutcome.Invalid => Problems.Validation(text, errors),
            _ => Problems.Status(text, StatusCodes.Status403Forbidden, text["Account.MayNotAssign"]),
        };
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangeRole(
        int id, RoleInput input, Viewer viewer, Members members, IStringLocalizer<Texts> text) =>
        await members.ChangeRoleAsync(viewer, id, input.Role) switch
        {
            MemberOutcome.Done => TypedResults.NoContent(),
            MemberOutcome.NotFound => Problems.NotFound(text),
            MemberOutcome.Invalid => Problems.Validation(text, new Dictionary<string, string[]> { ["role"] = [text["Account.RoleInvalid", string.Join(", ", Roles.All)]] }),
            _ => Problems.Status(text, StatusCodes.Status403Forbidden, text["Account.MayNotAssign"]),
        };

    static async Task<IResult> DownloadPersonalData(HttpContext http, UserManager<User> users, PersonalData data, CancellationToken ct)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null) return TypedResults.Unauthorized();
        http.Response.Headers.ContentDisposition = "attachment; filename=\"mijn-wijkbeeld-gegevens.json\"";
        return TypedResults.Json(await data.ExportAsync(user, ct), new JsonSerializerOptions(JsonSerializerOptions.Web) { WriteIndented = true });
    }
}
