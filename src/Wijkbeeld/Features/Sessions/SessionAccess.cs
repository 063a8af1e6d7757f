using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Sessions;

/// <summary>Who is asking, within one session: its facilitator (a coordinator) or a participant (by their cookie).</summary>
public sealed record SessionActor(bool IsFacilitator, SessionParticipant? Participant, int? BreakoutNumber)
{
    public string Name(string facilitator) => Participant?.DisplayName ?? facilitator;
}

/// <summary>
/// A participant is known by a random token in a cookie of their own per session (account or guest alike); the database
/// keeps only its hash. Coordinators and administrators facilitate every session.
/// </summary>
public sealed class SessionAccess(WijkbeeldDb db)
{
    public static string CookieName(int sessionId) => $"wijkbeeld-sessie-{sessionId}";

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<SessionParticipant?> ParticipantAsync(HttpContext http, int sessionId, CancellationToken ct)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName(sessionId), out var token) || token.Length is 0 or > 100)
        {
            return null;
        }
        var hash = Hash(token);
        return await db.SessionParticipants.FirstOrDefaultAsync(p => p.TokenHash == hash && p.SessionId == sessionId, ct);
    }

    /// <summary>The actor, or null for someone who has nothing to do with the session (or a session that does not exist).</summary>
    public async Task<SessionActor?> ResolveAsync(HttpContext http, int sessionId, CancellationToken ct)
    {
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct))
        {
            return null;
        }
        var participant = await ParticipantAsync(http, sessionId, ct);
        int? number = participant?.BreakoutId is { } b
            ? await db.SessionBreakouts.Where(x => x.Id == b).Select(x => (int?)x.Number).FirstOrDefaultAsync(ct)
            : null;
        var facilitator = Viewer.From(http.User).CanModerate;
        return facilitator || participant is not null ? new SessionActor(facilitator, participant, number) : null;
    }

    public static void SetCookie(HttpResponse response, int sessionId, string token) =>
        response.Cookies.Append(CookieName(sessionId), token, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Path = "/", MaxAge = TimeSpan.FromDays(14),
            Secure = response.HttpContext.Request.IsHttps,
        });
}
