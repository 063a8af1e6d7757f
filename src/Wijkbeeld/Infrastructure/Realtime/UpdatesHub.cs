using Microsoft.AspNetCore.SignalR;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Activity;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Infrastructure.Realtime;

/// <summary>What every open view receives for a change: enough to announce it and to fetch the item.</summary>
public sealed record ChangeMessage(
    long Sequence, string Type, int ItemId, string Kind, string Title, string Summary, DateTime At,
    string MunicipalityCode, string? DistrictCode, string? NeighbourhoodCode)
{
    public static ChangeMessage From(ItemChange c) => new(
        c.Sequence, c.Type.ToString().ToLowerInvariant(), c.ItemId, c.Kind.Code(), c.Title, c.Summary, c.At,
        c.MunicipalityCode, c.DistrictCode, c.NeighbourhoodCode);

    /// <summary>For those who may no longer see the item: only that it left their view.</summary>
    public static ChangeMessage Gone(ItemChange c) => new(
        c.Sequence, "deleted", c.ItemId, c.Kind.Code(), "", "", c.At, c.MunicipalityCode, c.DistrictCode, c.NeighbourhoodCode);
}

/// <summary>
/// One hub for live updates. A client asks to follow a municipality; the server decides which
/// audience groups the connection joins, so a viewer never receives changes it may not see.
/// </summary>
public sealed class UpdatesHub(ChangeFeed feed, AreaIndex areas) : Hub
{
    public const string Path = "/hubs/updates";
    public const string ChangeMethod = "change";

    /// <summary>Follow a municipality (GM code). Returns the newest sequence number, the point to catch up from.</summary>
    public async Task<long> Follow(string municipalityCode)
    {
        var municipality = (await areas.GetAsync(Context.ConnectionAborted)).Find(municipalityCode);
        if (municipality is not { Level: AreaLevel.Municipality })
        {
            throw new HubException("Onbekende gemeente.");
        }
        var code = municipality.Code;
        foreach (var group in Audience.GroupsFor(code, Viewer.From(Context.User)))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }
        return await feed.LatestSequenceAsync(Context.ConnectionAborted);
    }
}
