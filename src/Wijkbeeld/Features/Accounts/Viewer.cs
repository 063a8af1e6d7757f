using System.Globalization;
using System.Security.Claims;

namespace Wijkbeeld.Features.Accounts;

/// <summary>
/// Who is looking: decides which items, changes and pushes someone may see (openbaar, partners, eigen organisatie)
/// and what they may change. Built from the signed-in user's claims; the database applies it as a query filter.
/// </summary>
public sealed record Viewer(int? UserId, string? Name, string? Role, int? OrganisationId)
{
    public const string OrganisationClaim = "wijkbeeld:organisation";

    public static readonly Viewer Anonymous = new(null, null, null, null);

    /// <summary>Start-up, sample data and background jobs: sees everything, acts as "Wijkbeeld".</summary>
    public static readonly Viewer System = new(null, "Wijkbeeld", Roles.Administrator, null);

    public bool IsSignedIn => UserId is not null || ReferenceEquals(this, System);
    public bool SeesEverything => Role == Roles.Administrator;
    public bool CanWrite => Role is Roles.Administrator or Roles.Coordinator or Roles.Professional;
    public bool CanModerate => Role is Roles.Administrator or Roles.Coordinator;

    /// <summary>The visibility rule in C#, for work outside a request (digests); the database applies the same rule as a query filter.</summary>
    public bool MaySee(Items.Visibility visibility, int? owningOrganisation) =>
        SeesEverything || visibility == Items.Visibility.Public || (IsSignedIn && visibility == Items.Visibility.Partners)
        || (visibility == Items.Visibility.Organisation && OrganisationId is not null && owningOrganisation == OrganisationId);

    /// <summary>An item belonging to an organisation is changed by its members; one without by any writer (the shared picture).</summary>
    public bool CanChange(int? owningOrganisation) =>
        SeesEverything || (CanWrite && (owningOrganisation is null || owningOrganisation == OrganisationId));

    /// <summary>An administrator gives any role; a coordinator invites and changes people of their own organisation, up to coordinator.</summary>
    public bool MayAssign(string role, int? organisation) =>
        SeesEverything || (Role == Roles.Coordinator && organisation is not null && organisation == OrganisationId && role != Roles.Administrator);

    public static Viewer From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true ||
            !int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Anonymous;
        }
        int? organisation = int.TryParse(user.FindFirstValue(OrganisationClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : null;
        var role = Roles.All.FirstOrDefault(user.IsInRole) ?? Roles.Reader;
        return new Viewer(id, user.FindFirstValue("name") ?? user.Identity.Name, role, organisation);
    }
}

/// <summary>
/// The viewer of the current request, read when asked rather than when created: the database context is made
/// during sign-in itself (the cookie check loads the user), before the request knows who is signed in.
/// </summary>
public sealed class CurrentViewer(IHttpContextAccessor http)
{
    ClaimsPrincipal? principal;
    Viewer viewer = Viewer.Anonymous;

    /// <summary>Without a request (start-up, sample data, background jobs) it is the system itself.</summary>
    public Viewer Get()
    {
        if (http.HttpContext is not { } context)
        {
            return Viewer.System;
        }
        if (!ReferenceEquals(context.User, principal))
        {
            principal = context.User;
            viewer = Viewer.From(principal);
        }
        return viewer;
    }
}
