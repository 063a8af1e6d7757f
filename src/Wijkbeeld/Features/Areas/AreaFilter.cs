namespace Wijkbeeld.Features.Areas;

/// <summary>Something that lies in a buurt, wijk and gemeente (an item, a change to one).</summary>
public interface IPlacedInArea
{
    string MunicipalityCode { get; }
    string? DistrictCode { get; }
    string? NeighbourhoodCode { get; }
}

public static class AreaFilter
{
    /// <summary>Only what lies in the area, at whichever level the area is.</summary>
    public static IQueryable<T> InArea<T>(this IQueryable<T> query, AreaInfo area) where T : class, IPlacedInArea
    {
        var code = area.Code;
        return area.Level switch
        {
            AreaLevel.Neighbourhood => query.Where(x => x.NeighbourhoodCode == code),
            AreaLevel.District => query.Where(x => x.DistrictCode == code),
            _ => query.Where(x => x.MunicipalityCode == code),
        };
    }
}
