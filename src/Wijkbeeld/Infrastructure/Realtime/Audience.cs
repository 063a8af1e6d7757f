using System.Globalization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Infrastructure.Realtime;

/// <summary>
/// SignalR groups per municipality and audience: the public, partners (any signed-in account), the members of
/// one organisation, and administrators. A change is sent only to the groups allowed to see it.
/// </summary>
public static class Audience
{
    public static IEnumerable<string> GroupsFor(string municipality, Viewer viewer)
    {
        if (!viewer.IsSignedIn)
        {
            yield return Public(municipality);
            yield break;
        }
        yield return Partners(municipality);
        if (viewer.OrganisationId is { } organisation)
        {
            yield return Organisation(municipality, organisation);
        }
        if (viewer.SeesEverything)
        {
            yield return Administrators(municipality);
        }
    }

    /// <summary>The groups a change goes to. Partners see public items too, so the partner group gets both.</summary>
    public static IReadOnlyList<string> GroupsAllowedToSee(string municipality, Visibility visibility, int? organisation) =>
        visibility switch
        {
            Visibility.Public => [Public(municipality), Partners(municipality)],
            Visibility.Partners => [Partners(municipality)],
            _ => organisation is { } owner ? [Organisation(municipality, owner), Administrators(municipality)] : [Administrators(municipality)],
        };

    static string Public(string municipality) => $"{municipality}|public";
    static string Partners(string municipality) => $"{municipality}|partners";
    static string Administrators(string municipality) => $"{municipality}|admin";
    static string Organisation(string municipality, int organisation) =>
        $"{municipality}|org|{organisation.ToString(CultureInfo.InvariantCulture)}";
}
