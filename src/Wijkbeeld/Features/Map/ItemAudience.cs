namespace Wijkbeeld.Features.Map;

/// <summary>
/// Who is looking, for counting only the items they may see: the public sees public items, anyone signed in
/// (a partner) also partner items, and a member of an organisation also that organisation's own items.
/// </summary>
/// <param name="SignedIn">A signed-in account (partner).</param>
/// <param name="Organisation">The organisation key of the account, if it belongs to one (see <see cref="Key"/>).</param>
public sealed record ItemAudience(bool SignedIn, string? Organisation)
{
    /// <summary>Sees every item whatever its visibility (an administrator).</summary>
    public bool SeesEverything { get; private init; }

    public static readonly ItemAudience Public = new(false, null);
    public static readonly ItemAudience Everyone = new(true, null) { SeesEverything = true };

    public static ItemAudience Partner(int? organisation = null) => new(true, Key(organisation));

    /// <summary>The audience of the person asking, by the same rules as the database's visibility filter.</summary>
    public static ItemAudience Of(Accounts.Viewer viewer) =>
        viewer.SeesEverything ? Everyone : viewer.IsSignedIn ? Partner(viewer.OrganisationId) : Public;

    /// <summary>The key an owning organisation is matched by: its id.</summary>
    public static string? Key(int? organisation) => organisation?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
