using Microsoft.AspNetCore.SignalR;
using Wijkbeeld.Features.Activity;

namespace Wijkbeeld.Infrastructure.Realtime;

/// <summary>Sends saved changes to the audience groups that may see them. Called only after the save committed.</summary>
public sealed class ChangePublisher(IHubContext<UpdatesHub> hub, ILogger<ChangePublisher> log)
{
    public async Task PublishAsync(IEnumerable<ItemChange> changes)
    {
        foreach (var change in changes)
        {
            var groups = Audience.GroupsAllowedToSee(change.MunicipalityCode, change.Visibility, change.OrganisationId);
            // Who could see the item before but no longer may is told it is gone, without its new content.
            var lost = change.Before is { } before
                ? Audience.GroupsAllowedToSee(change.MunicipalityCode, before.Visibility, before.OrganisationId).Except(groups).ToList()
                : [];
            try
            {
                await hub.Clients.Groups(groups).SendAsync(UpdatesHub.ChangeMethod, ChangeMessage.From(change));
                if (lost.Count > 0)
                {
                    await hub.Clients.Groups(lost).SendAsync(UpdatesHub.ChangeMethod, ChangeMessage.Gone(change));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The change is stored; clients that miss the push catch up from the feed by sequence number.
                log.LogWarning(e, "Could not publish change {Sequence}", change.Sequence);
            }
        }
    }
}
