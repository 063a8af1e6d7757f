using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Audit;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/audit", Search).WithTags("Audit").WithSummary($"Het auditlogboek doorzoeken (alleen lezen): de nieuwste {PageSize} meldingen; met before=<id> de meldingen daarvoor")
            .RequireAuthorization(Policies.Moderator);
        return routes;
    }

    public const int PageSize = 200;

    static async Task<Ok<List<AuditEntry>>> Search(string? type, string? id, string? person, DateOnly? from, DateOnly? to, long? before,
        WijkbeeldDb db, CancellationToken ct) =>
        TypedResults.Ok(await AuditSearch.Filter(db.AuditLog.AsNoTracking(), type, id, person, from, to, before)
            .OrderByDescending(e => e.Id).Take(PageSize).ToListAsync(ct));
}
