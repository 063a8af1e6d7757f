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
}
