namespace Wijkbeeld.Features.Map;

/// <summary>
/// Who is looking, for counting only the items they may see: the public sees public items, anyone signed in
/// (a partner) also partner items, and a member of an organisation also that organisation's own items.
/// </summary>
/// <param name="SignedIn">A signed-in account (partner).</param>
/// <param name="Organisation">The organisation key of the account, if it belongs to one (see <see cref="Key"/>).</param>
public sealed record ItemAudience(bool SignedIn, string? Organisation)
{
    /// <summary>Sees every item whatever its visibility (what the map API returns until accounts land).</summary>
    public bool SeesEverything { get; private init; }

    public static readonly ItemAudience Public = new(false, null);
    public static readonly ItemAudience Everyone = new(true, null) { SeesEverything = true };

    public static ItemAudience Partner(string? organisation = null) => new(true, Key(organisation));

    /// <summary>
    /// The key an owner organisation is matched by: trimmed, lower case (as the live-update groups do).
    /// For now the <c>OwnerOrganisation</c> text; accounts will switch it to an organisation id.
    /// </summary>
    public static string? Key(string? organisation) =>
        organisation?.Trim().ToLowerInvariant() is { Length: > 0 } key ? key : null;
}
