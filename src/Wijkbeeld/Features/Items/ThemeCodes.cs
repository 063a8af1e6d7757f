using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Items;

/// <summary>
/// The known theme codes, read once: every filtered read checks its themes against them, and a database round
/// trip per map request cost more than counting the clusters. Themes are seed data for now; when coordinators
/// can manage them, saving a theme must call <see cref="Invalidate"/>.
/// </summary>
public sealed class ThemeCodes(IServiceScopeFactory scopes)
{
    IReadOnlySet<string>? current;

    public void Invalidate() => current = null;

    public async Task<IReadOnlySet<string>> GetAsync(CancellationToken ct)
    {
        if (current is { } ready) return ready;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbeeldDb>();
        return current = (await db.Themes.Select(t => t.Code).ToListAsync(ct)).ToHashSet();
    }
}
