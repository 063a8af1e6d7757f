using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Werkagenda;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Network.WhosWho;

public sealed record PicksInput(List<string>? Codes);
public sealed record CaseNeedsInput(List<string>? Codes);
public sealed record CompetenceCount(string Code, string Name, int Count, IReadOnlyList<string> People, bool Needed);
public sealed record CategoryProfile(string Code, string Name, IReadOnlyList<CompetenceCount> Competences);
public sealed record CaseComparison(int CaseId, string Title, IReadOnlyList<CompetenceCount> Covered, IReadOnlyList<CompetenceCount> Missing);
/// <summary>The team: everyone of the viewer's organisation who picked (or, with all=true, every organisation).</summary>
public sealed record TeamProfile(int Members, IReadOnlyList<CategoryProfile> Categories, IReadOnlyList<CompetenceCount> Strengths,
    IReadOnlyList<CompetenceCount> Gaps, CaseComparison? Case);

/// <summary>The competence game: my strongest competences, the team's profile, and what a case asks for.</summary>
public sealed class Competences(WijkbeeldDb db, Viewer viewer, TimeProvider clock, IStringLocalizer<Texts> text)
{
    IQueryable<WorkCase> Cases => db.Set<WorkCase>().VisibleTo(viewer);

    public async Task<IReadOnlyList<string>> MineAsync(CancellationToken ct) => viewer.UserId is { } id
        ? await db.Set<CompetencePick>().Where(p => p.UserId == id).OrderBy(p => p.Id).Select(p => p.Code).ToListAsync(ct)
        : [];

    public async Task<Result<IReadOnlyList<string>>> SaveMineAsync(PicksInput input, CancellationToken ct)
    {
        if (viewer.UserId is not { } userId) return Result<IReadOnlyList<string>>.Forbidden;
        if (Validate(input.Codes, CompetenceCatalog.MaxPicks) is { } errors) return Result<IReadOnlyList<string>>.Invalid(errors);
        var codes = input.Codes!.Distinct().ToList();
        var stored = await db.Set<CompetencePick>().Where(p => p.UserId == userId).ToListAsync(ct);
        db.RemoveRange(stored.Where(p => !codes.Contains(p.Code)));
        foreach (var code in codes.Where(c => stored.All(p => p.Code != c)))
        {
            db.Add(new CompetencePick
            {
                UserId = userId, UserName = viewer.Name ?? "", OrganisationId = viewer.OrganisationId, Code = code, CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
        await db.SaveChangesAsync(ct);
        return new(Outcome.Ok, await MineAsync(ct));
    }

    Dictionary<string, string[]>? Validate(List<string>? codes, int max)
    {
        if (codes is null) return new() { ["codes"] = [text["Competences.Error.Codes"]] };
        if (codes.Count > max) return new() { ["codes"] = [text["Competences.Error.TooMany", max]] };
        if (codes.FirstOrDefault(c => !CompetenceCatalog.IsKnown(c)) is { } unknown) return new() { ["codes"] = [text["Competences.Error.Unknown", unknown]] };
        if (codes.Distinct().Count() != codes.Count) return new() { ["codes"] = [text["Competences.Error.Twice"]] };
        return null;
    }

    public async Task<IReadOnlyList<(int Id, string Title)>> CasesAsync(CancellationToken ct) =>
        (await Cases.OrderBy(c => c.Title).Select(c => new { c.Id, c.Title }).ToListAsync(ct)).Select(c => (c.Id, c.Title)).ToList();

    public async Task<IReadOnlyList<string>?> NeedsAsync(int caseId, CancellationToken ct) =>
        await Cases.AnyAsync(c => c.Id == caseId, ct)
            ? await db.Set<CaseCompetence>().Where(c => c.CaseId == caseId).OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(ct)
            : null;

    public async Task<Result<IReadOnlyList<string>>> SaveNeedsAsync(int caseId, CaseNeedsInput input, CancellationToken ct)
    {
        if (await Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct) is not { } workCase) return Result<IReadOnlyList<string>>.NotFound;
        if (!viewer.MayChange(workCase)) return Result<IReadOnlyList<string>>.Forbidden;
        if (Validate(input.Codes, CompetenceCatalog.All.Count) is { } errors) return Result<IReadOnlyList<string>>.Invalid(errors);
        var stored = await db.Set<CaseCompetence>().Where(c => c.CaseId == caseId).ToListAsync(ct);
        db.RemoveRange(stored.Where(s => !input.Codes!.Contains(s.Code)));
        db.AddRange(input.Codes!.Where(c => stored.All(s => s.Code != c)).Select(c => new CaseCompetence { CaseId = caseId, Code = c }));
        await db.SaveChangesAsync(ct);
        return new(Outcome.Ok, (await NeedsAsync(caseId, ct))!);
    }

    /// <summary>Counts per competence for the team, grouped by category; with a case, which competences it asks for are covered.</summary>
    public async Task<TeamProfile?> TeamAsync(int? caseId, bool everyone, CancellationToken ct)
    {
        var picks = db.Set<CompetencePick>().AsQueryable();
        if (!everyone || !viewer.IsSignedIn)
        {
            var organisation = viewer.OrganisationId;
            picks = organisation is null ? picks.Where(p => p.UserId == viewer.UserId) : picks.Where(p => p.OrganisationId == organisation);
        }
        var rows = await picks.Select(p => new { p.UserId, p.UserName, p.Code }).AsNoTracking().ToListAsync(ct);
        string? title = null;
        IReadOnlyList<string> needed = [];
        if (caseId is { } id)
        {
            if (await Cases.Where(c => c.Id == id).Select(c => c.Title).FirstOrDefaultAsync(ct) is not { } t) return null;
            title = t;
            needed = (await NeedsAsync(id, ct))!;
        }
        var byCode = rows.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.Select(r => r.UserName).Order(StringComparer.CurrentCulture).ToList());
        CompetenceCount Count(Competence c) => new(c.Code, c.Name, byCode.GetValueOrDefault(c.Code)?.Count ?? 0, byCode.GetValueOrDefault(c.Code) ?? [], needed.Contains(c.Code));
        var all = CompetenceCatalog.All.Select(Count).ToList();
        var categories = CompetenceCatalog.Categories
            .Select(cat => new CategoryProfile(cat.Code, cat.Name, all.Where(c => CompetenceCatalog.Find(c.Code)!.Category == cat.Code).ToList())).ToList();
        var comparison = caseId is { } caseKey
            ? new CaseComparison(caseKey, title!, all.Where(c => c.Needed && c.Count > 0).ToList(), all.Where(c => c.Needed && c.Count == 0).ToList())
            : null;
        return new TeamProfile(rows.Select(r => r.UserId).Distinct().Count(), categories,
            all.Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList(),
            all.Where(c => c.Count == 0).ToList(), comparison);
    }
}
