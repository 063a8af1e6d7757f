using Microsoft.AspNetCore.SignalR;

namespace Wijkbeeld.Features.Sessions;

/// <summary>
/// Live updates of one werksessie. A page asks to watch a session (and optionally one breakout); the server checks
/// that the caller is its facilitator or one of its participants (cookie) and decides the groups: everyone gets the
/// session-wide group (programme, timer, chat wall, evaluation), the plenary group gets every breakout's board, and a
/// breakout group only its own board. A participant may watch only their own breakout.
/// Kept apart from /hubs/updates: that hub's groups follow item visibility, these follow session membership.
/// </summary>
public sealed class SessionHub(SessionAccess access) : Hub
{
    public const string Path = "/hubs/sessions";
    public const string Method = "session";

    public static string All(int session) => $"session:{session}";
    public static string Plenary(int session) => $"session:{session}:plenair";
    public static string BreakoutGroup(int session, int number) => $"session:{session}:breakout:{number}";

    /// <summary>Watches the session; <paramref name="breakout"/> 0 is the plenary (all boards), a number one board, null none.</summary>
    public async Task Watch(int sessionId, int? breakout)
    {
        var http = Context.GetHttpContext() ?? throw new HubException("Geen verbinding.");
        var who = await access.ResolveAsync(http, sessionId, Context.ConnectionAborted);
        if (who is null)
        {
            throw new HubException("Je doet niet mee aan deze sessie.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, All(sessionId));
        if (breakout == 0)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, Plenary(sessionId));
        }
        else if (breakout is { } number)
        {
            if (!who.IsFacilitator && who.BreakoutNumber != number)
            {
                throw new HubException("Je zit niet in deze groep.");
            }
            await Groups.AddToGroupAsync(Context.ConnectionId, BreakoutGroup(sessionId, number));
        }
    }
}
