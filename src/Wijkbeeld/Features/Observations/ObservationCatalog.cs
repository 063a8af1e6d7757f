namespace Wijkbeeld.Features.Observations;

/// <summary>The fixed lists of an observation (parts of day, weekdays, activities, signals) with their Dutch codes.</summary>
public static class ObservationCatalog
{
    public static readonly string[] PartsOfDay = ["ochtend", "middag", "avond", "nacht"];

    /// <summary>Index 0 = maandag (ISO weekday 1).</summary>
    public static readonly string[] Weekdays = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

    public static readonly string[] Activities = ["staan", "zitten", "spelen", "sporten", "verzamelen", "voorbijlopen", "anders"];

    public static readonly string[] Signals = ["groeten", "vermijden", "plek-claimen", "vuil-graffiti", "professionals-zichtbaar"];

    public static readonly (string Code, string Name)[] DefaultGroups =
    [
        ("jongeren", "Jongeren"), ("kinderen", "Kinderen"), ("ouders-met-kinderen", "Ouders met kinderen"), ("ouderen", "Ouderen"),
        ("bewoners", "Bewoners"), ("ondernemers", "Ondernemers"), ("professionals", "Professionals"),
    ];

    public static string Code(PartOfDay part) => PartsOfDay[(int)part];

    public static bool TryParsePartOfDay(string? code, out PartOfDay part)
    {
        var index = Array.IndexOf(PartsOfDay, code?.Trim().ToLowerInvariant());
        part = index < 0 ? PartOfDay.Morning : (PartOfDay)index;
        return index >= 0;
    }

    public static PartOfDay ParsePartOfDayOrMorning(string code) => TryParsePartOfDay(code, out var p) ? p : PartOfDay.Morning;

    /// <summary>ISO weekday (1 = maandag) of a Dutch weekday name, or null.</summary>
    public static int? ParseWeekday(string? name)
    {
        var index = Array.IndexOf(Weekdays, name?.Trim().ToLowerInvariant());
        return index < 0 ? null : index + 1;
    }

    public static string WeekdayName(int isoWeekday) => Weekdays[(isoWeekday - 1) % 7];

    public static int IsoWeekday(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
}
