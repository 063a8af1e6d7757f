using System.Security.Claims;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Infrastructure.Realtime;

/// <summary>
/// SignalR groups per municipality and audience: the public, partners (any signed-in account) and the
/// members of one organisation. A change is sent only to the groups allowed to see it.
/// </summary>
public static class Audience
{
    public const string OrganisationClaim = "wijkbeeld:organisation";

    public static IEnumerable<string> GroupsFor(string municipality, ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            yield return Public(municipality);
            yield break;
        }
        yield return Partners(municipality);
        if (user.FindFirst(OrganisationClaim)?.Value is { Length: > 0 } organisation)
        {
            yield return Organisation(municipality, organisation);
        }
    }

    /// <summary>The groups a change goes to. Partners see public items too, so the partner group gets both.</summary>
    public static IReadOnlyList<string> GroupsAllowedToSee(string municipality, Visibility visibility, string? ownerOrganisation) =>
        visibility switch
        {
            Visibility.Public => [Public(municipality), Partners(municipality)],
            Visibility.Partners => [Partners(municipality)],
            _ => ownerOrganisation is { Length: > 0 } owner ? [Organisation(municipality, owner)] : [],
        };

    static string Public(string municipality) => $"{municipality}|public";
    static string Partners(string municipality) => $"{municipality}|partners";
    static string Organisation(string municipality, string organisation) => $"{municipality}|org|{organisation.Trim().ToLowerInvariant()}";
}
