using System.Text.Json;

namespace Wijkbeeld.Tests.Features.Support;

// The JSON the API sends, as a client sees it. Deliberately not the app's own DTO types:
// renaming a field in the app must break these tests, because it breaks API clients.

public sealed record AreaRefShape(string Code, string Name);

public sealed record ItemUpdateShape(DateTime At, string Type, string? Author, string Text);

public sealed record ItemShape(
    int Id, string Kind, string Title, string Description, double Latitude, double Longitude,
    AreaRefShape? Neighbourhood, AreaRefShape? District, string MunicipalityCode, IReadOnlyList<string> Themes,
    string Status, string? OwnerOrganisation, string? Contact, string Visibility, string? Source,
    DateTime CreatedAt, DateTime UpdatedAt, bool IsStale, int Version, IReadOnlyList<int> RelatedItemIds,
    IReadOnlyList<ItemUpdateShape>? Updates);

public sealed record ItemPageShape(IReadOnlyList<ItemShape> Items, int Total, int Page, int PageSize);

/// <summary>What a client posts to create or change an item; the defaults are a valid item in Den Helder-Centrum.</summary>
public sealed record NewItem
{
    public string? Kind { get; init; } = "kans";
    public string? Title { get; init; } = "Testitem";
    public string? Description { get; init; } = "Beschrijving van een testitem.";
    public double? Latitude { get; init; } = Places.Centrum.Latitude;
    public double? Longitude { get; init; } = Places.Centrum.Longitude;
    public IReadOnlyList<string>? Themes { get; init; } = ["jeugd"];
    public string? Status { get; init; }
    public string? OwnerOrganisation { get; init; }
    public string? Contact { get; init; }
    public string? Visibility { get; init; }
    public string? Source { get; init; }
    public IReadOnlyList<int>? RelatedItemIds { get; init; }
    public bool? ConfirmPersonalData { get; init; }

    public static NewItem At(Place place, string title) =>
        new() { Title = title, Latitude = place.Latitude, Longitude = place.Longitude };
}

public sealed record ImportRowErrorShape(int Row, string Field, string Message);

public sealed record ItemImportReportShape(int RowsRead, int Created, IReadOnlyList<ImportRowErrorShape> Errors);

public sealed record AreaNodeShape(
    string Code, string Name, string Level, string? ParentCode, bool IsSample, double[] Bbox, IReadOnlyList<AreaNodeShape> Children)
{
    public IEnumerable<AreaNodeShape> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

public sealed record AreaDetailsShape(
    string Code, string Name, string Level, string? ParentCode, bool IsSample, double[] Bbox, JsonElement Geometry);

public sealed record AreaImportProblemShape(int? Feature, string Message);

public sealed record AreaImportReportShape(
    IReadOnlyList<string> Municipalities, int Districts, int Neighbourhoods, bool Reprojected,
    int ItemsReassigned, int ItemsOutside, IReadOnlyList<string> Warnings);

/// <summary>One entry of "wat speelt er" (GET /api/activity).</summary>
public sealed record ActivityEntryShape(
    long Sequence, string Type, int ItemId, string Kind, string Title, string Summary, DateTime At,
    string MunicipalityCode, string? DistrictCode, string? NeighbourhoodCode, IReadOnlyList<string> Themes);

public sealed record ActivityPageShape(IReadOnlyList<ActivityEntryShape> Entries, long LatestSequence, int Page, int PageSize, bool HasMore);

/// <summary>What a live client receives from the hub (/hubs/updates, method "change").</summary>
public sealed record ChangeShape(
    long Sequence, string Type, int ItemId, string Kind, string Title, string Summary, DateTime At,
    string MunicipalityCode, string? DistrictCode, string? NeighbourhoodCode);

/// <summary>RFC 9457 problem details with the extension members this API adds.</summary>
public sealed record ProblemShape(
    string? Type, string? Title, int? Status, string? Detail,
    Dictionary<string, string[]>? Errors,
    ItemShape? Current, int? CurrentVersion,
    int? RowsRead, int? Created, IReadOnlyList<ImportRowErrorShape>? RowErrors,
    IReadOnlyList<AreaImportProblemShape>? Problems);

/// <summary>The titles of problem responses, as a Dutch user reads them.</summary>
public static class DutchTitles
{
    public const string Validation = "De gegevens kloppen niet";
    public const string BadRequest = "Het verzoek klopt niet";
    public const string NotFound = "Niet gevonden";
    public const string Conflict = "Tegelijk gewijzigd";
    public const string TooLarge = "Te groot";
    public const string UnsupportedType = "Verkeerd bestandstype";
    public const string VersionMissing = "Versie ontbreekt";
    public const string MethodNotAllowed = "Deze actie kan hier niet";
    public const string Unavailable = "Tijdelijk niet beschikbaar";
}

public sealed record Place(double Latitude, double Longitude, string NeighbourhoodCode, string DistrictCode);

/// <summary>Points well inside sample buurten (see Features/Areas/SampleData/den-helder-areas.geojson).</summary>
public static class Places
{
    public static readonly Place Centrum = new(52.954, 4.758, "BU04000001", "WK040000");
    public static readonly Place Willemsoord = new(52.960, 4.771, "BU04000101", "WK040001");
    public static readonly Place NieuwDenHelderCentrum = new(52.9335, 4.735, "BU04000302", "WK040003");
    public static readonly Place Middelzand = new(52.880, 4.767, "BU04000805", "WK040008");
    public const double AmsterdamLatitude = 52.37, AmsterdamLongitude = 4.89;

    // Quiet places: no sample item within about 500 m, and the view around them (see View) lies in the same buurt.
    // A map zoomed in there shows only a test's own items, each as a marker of its own.
    public static readonly Place VliegveldDeKooy = new(52.9200, 4.7950, "BU04000701", "WK040007");
    public static readonly Place DeKooy = new(52.9000, 4.7592, "BU04000702", "WK040007");
    public static readonly Place Kooypunt = new(52.9070, 4.7953, "BU04000703", "WK040007");
    public static readonly Place DeRiepel = new(52.9025, 4.7147, "BU04000801", "WK040008");
    public static readonly Place Zuiderhaven = new(52.8770, 4.7336, "BU04000804", "WK040008");
    public static readonly Place MiddelzandZuid = new(52.8770, 4.7758, "BU04000805", "WK040008");
    public static readonly Place DonkereDuinen = new(52.9200, 4.7158, "BU04000304", "WK040003");

    /// <summary>A map view (bbox minLon,minLat,maxLon,maxLat) of about 550 by 550 m around a place.</summary>
    public static string View(this Place place) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{place.Longitude - 0.004},{place.Latitude - 0.0025},{place.Longitude + 0.004},{place.Latitude + 0.0025}");

    /// <summary>A point about 240 m away from a quiet place, still in its view and buurt.</summary>
    public static Place Nearby(this Place place) => place with { Latitude = place.Latitude + 0.0015, Longitude = place.Longitude + 0.0025 };
}
