using System.Text.RegularExpressions;

namespace Wijkbeeld.Features.Profile;

/// <summary>
/// What Wijkbeeld knows about CBS "Kerncijfers wijken en buurten" beyond the file itself: which table is which year,
/// which columns are text, and the key figures a profile shows first (with whether higher is better).
/// </summary>
public static partial class CbsCatalog
{
    public sealed record KeyFigure(string Key, string Label, string Unit, bool? HigherIsBetter, int Decimals);

    /// <summary>Table identifiers of the yearly tables (the identifier, not the file layout, carries the year).</summary>
    public static readonly IReadOnlyDictionary<string, int> TableYears = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["83765NED"] = 2017, ["84286NED"] = 2018, ["84583NED"] = 2019, ["84799NED"] = 2020,
        ["85039NED"] = 2021, ["85318NED"] = 2022, ["85618NED"] = 2023, ["85984NED"] = 2024, ["86165NED"] = 2025,
    };

    /// <summary>Columns that identify the row or hold text; everything else is a figure.</summary>
    public static readonly IReadOnlySet<string> TextKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ID", "WijkenEnBuurten", "Gemeentenaam", "SoortRegio", "Codering", "IndelingswijzigingWijkenEnBuurten",
        "MeestVoorkomendePostcode", "Dekkingspercentage",
    };

    public static readonly IReadOnlyList<KeyFigure> KeyFigures =
    [
        new("AantalInwoners", "Aantal inwoners", "aantal", null, 0),
        new("k_0Tot15Jaar", "Kinderen (0 tot 15 jaar)", "aantal", null, 0),
        new("k_65JaarOfOuder", "Inwoners van 65 jaar of ouder", "aantal", null, 0),
        new("HuishoudensTotaal", "Huishoudens", "aantal", null, 0),
        new("GemiddeldeHuishoudensgrootte", "Gemiddelde huishoudensgrootte", "personen", null, 2),
        new("Bevolkingsdichtheid", "Inwoners per km²", "per km²", null, 0),
        new("GemiddeldeWOZWaardeVanWoningen", "Gemiddelde WOZ-waarde van woningen", "x 1.000 euro", null, 0),
        new("Koopwoningen", "Koopwoningen", "%", null, 0),
        new("GemiddeldInkomenPerInwoner", "Gemiddeld inkomen per inwoner", "x 1.000 euro", true, 1),
        new("HuishoudensMetEenLaagInkomen", "Huishoudens met een laag inkomen", "%", false, 1),
        new("PersonenPerSoortUitkeringBijstand", "Inwoners met bijstand", "aantal", false, 0),
    ];

    static readonly Dictionary<string, KeyFigure> byKey = KeyFigures.ToDictionary(k => k.Key, StringComparer.OrdinalIgnoreCase);

    public static KeyFigure? Find(string key) => byKey.GetValueOrDefault(key);

    [GeneratedRegex(@"^(?<key>.+?)_(?<n>\d+)$")] private static partial Regex Numbered();
    [GeneratedRegex(@"(?<id>\d{5}[A-Z]{3})", RegexOptions.IgnoreCase)] private static partial Regex TableId();

    /// <summary>AantalInwoners_5 → AantalInwoners: CBS renumbers the columns every year, the key stays.</summary>
    public static string KeyOf(string column)
    {
        var match = Numbered().Match(column.Trim());
        return match.Success ? match.Groups["key"].Value : column.Trim();
    }

    /// <summary>The table identifier (85618NED) in an OData address or a file name, if any.</summary>
    public static string? FindTable(string? text) =>
        text is not null && TableId().Match(text) is { Success: true } m ? m.Groups["id"].Value.ToUpperInvariant() : null;

    public static string? LevelOf(string code) =>
        code.StartsWith("GM", StringComparison.Ordinal) ? "gemeente"
        : code.StartsWith("WK", StringComparison.Ordinal) ? "wijk"
        : code.StartsWith("BU", StringComparison.Ordinal) ? "buurt"
        : code == IndicatorRules.NetherlandsCode ? "land" : null;
}
