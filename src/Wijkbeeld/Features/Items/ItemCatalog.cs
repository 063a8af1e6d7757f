namespace Wijkbeeld.Features.Items;

public enum ItemKind { Facility, Opportunity, Challenge, Initiative, Strength, Signal, Event }

public enum Visibility { Public, Partners, Organisation }

/// <summary>
/// The fixed vocabulary of the map: kinds with their status workflow, and visibilities.
/// Codes are the Dutch words users see in URLs and the API; labels live in Resources/Texts.resx.
/// </summary>
public static class ItemCatalog
{
    public sealed record KindInfo(ItemKind Kind, string Code, IReadOnlyList<string> Statuses);

    public static readonly IReadOnlyList<KindInfo> Kinds =
    [
        new(ItemKind.Facility, "voorziening", ["actief", "tijdelijk-gesloten", "gesloten"]),
        new(ItemKind.Opportunity, "kans", ["idee", "verkend", "opgepakt", "gerealiseerd", "vervallen"]),
        new(ItemKind.Challenge, "opgave", ["gesignaleerd", "in-behandeling", "aangepakt", "blijvend"]),
        new(ItemKind.Initiative, "initiatief", ["idee", "gestart", "loopt", "afgerond", "gestopt"]),
        new(ItemKind.Strength, "kracht", ["actief", "niet-meer-actief"]),
        new(ItemKind.Signal, "signaal", ["nieuw", "bekeken", "doorgezet", "afgehandeld"]),
        new(ItemKind.Event, "gebeurtenis", ["aangekondigd", "geweest", "afgelast"]),
    ];

    public static readonly IReadOnlyList<string> AllStatuses =
        Kinds.SelectMany(k => k.Statuses).Distinct().ToArray();

    public static KindInfo Info(ItemKind kind) => Kinds[(int)kind];

    public static string Code(this ItemKind kind) => Info(kind).Code;

    public static bool TryParseKind(string? code, out ItemKind kind)
    {
        var info = Kinds.FirstOrDefault(k => string.Equals(k.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
        kind = info?.Kind ?? default;
        return info is not null;
    }

    public static string Code(this Visibility visibility) => visibility switch
    {
        Visibility.Public => "openbaar",
        Visibility.Partners => "partners",
        _ => "organisatie",
    };

    public static bool TryParseVisibility(string? code, out Visibility visibility)
    {
        foreach (var v in Enum.GetValues<Visibility>())
        {
            if (string.Equals(v.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                visibility = v;
                return true;
            }
        }
        visibility = default;
        return false;
    }

    public static string FirstStatus(ItemKind kind) => Info(kind).Statuses[0];
}
