using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Privacy;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Werkagenda;

/// <summary>
/// The two "kapstokjes" of the Platform31 workbook (sections 2.2 and 2.4) that a team scores per case:
/// the seven building blocks of an agile neighbourhood approach (present, partly, missing, with the obstacle it
/// explains) and the four parts of social innovation (where the case already works on it, and what needs attention).
/// Names and the workbook's short descriptions are in Texts.resx under "Werkagenda.Block.*" and "Werkagenda.Innovation.*".
/// </summary>
public sealed record ReflectionTool(string Name, string[] Codes, string[] Scores, bool HasObstacle, string TextPrefix, string ScorePrefix)
{
    public static readonly ReflectionTool BuildingBlocks = new("bouwstenen",
        ["maatschappelijke-urgentie", "gedeelde-visie", "bestuurlijke-verankering", "onafhankelijke-procesleiding", "lange-adem", "vertrouwen", "middelen"],
        ["aanwezig", "deels", "ontbreekt"], HasObstacle: true, "Werkagenda.Block.", "Werkagenda.BlockScore.");

    public static readonly ReflectionTool SocialInnovation = new("sociale-innovatie",
        ["nieuwe-kennis", "nieuwe-manier-van-doen", "nieuwe-manier-van-kaderen", "nieuwe-manier-van-organiseren"],
        ["aan-de-slag", "op-weg", "aandacht-nodig"], HasObstacle: false, "Werkagenda.Innovation.", "Werkagenda.InnovationStage.");

    public static ReflectionTool? Find(string name) => name == BuildingBlocks.Name ? BuildingBlocks : name == SocialInnovation.Name ? SocialInnovation : null;
}

/// <summary>One building block or social-innovation part of a case, as the team scored it.</summary>
public sealed class CaseScore
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public string Tool { get; set; } = "";
    public string Code { get; set; } = "";
    public string Score { get; set; } = "";
    public string Note { get; set; } = "";
    /// <summary>The obstacle in practice this building block explains (building blocks only).</summary>
    public string Obstacle { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

sealed class CaseScoreConfiguration : IEntityTypeConfiguration<CaseScore>
{
    public void Configure(EntityTypeBuilder<CaseScore> s)
    {
        s.Property(x => x.Tool).HasMaxLength(20);
        s.Property(x => x.Code).HasMaxLength(40);
        s.Property(x => x.Score).HasMaxLength(20);
        s.Property(x => x.Note).HasMaxLength(WerkagendaRules.ReasonMax);
        s.Property(x => x.Obstacle).HasMaxLength(WerkagendaRules.ReasonMax);
        s.Property(x => x.UpdatedBy).HasMaxLength(200);
        s.HasIndex(x => new { x.CaseId, x.Tool, x.Code }).IsUnique();
        s.HasOne<WorkCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>One part as the API and the pages show it: every code of the tool, scored or not (score null).</summary>
public sealed record ScoreDto(string Code, string? Score, string Note, string Obstacle, DateTime? UpdatedAt, string? UpdatedBy);
/// <summary>The building blocks of a case (GET/PUT /api/cases/{id}/building-blocks); Version is the ETag.</summary>
public sealed record BuildingBlocksDto(int CaseId, string CaseTitle, int Version, bool MayChange, IReadOnlyList<ScoreDto> Blocks);
/// <summary>The social innovation of a case (GET/PUT /api/cases/{id}/social-innovation); Version is the ETag.</summary>
public sealed record SocialInnovationDto(int CaseId, string CaseTitle, int Version, bool MayChange, IReadOnlyList<ScoreDto> Dimensions);

public sealed record BlockInput(string? Code, string? Score, string? Note, string? Obstacle);
/// <summary>The whole set: blocks not listed (or listed without a score and note) are not scored.</summary>
public sealed record BuildingBlocksInput(List<BlockInput>? Blocks, bool ConfirmPersonalData = false);
public sealed record DimensionInput(string? Code, string? Stage, string? Note);
public sealed record SocialInnovationInput(List<DimensionInput>? Dimensions, bool ConfirmPersonalData = false);

/// <summary>How far a case's reflection is, for the overview of all agendas: counts per score.</summary>
public sealed record ReflectionState(IReadOnlyDictionary<string, int> Blocks, IReadOnlyDictionary<string, int> Innovation)
{
    public int BlocksScored => Blocks.Values.Sum();
    public int InnovationScored => Innovation.Values.Sum();
}

/// <summary>Reads and saves the building blocks and social innovation of a case, for the pages and the API.</summary>
public sealed class CaseReflection(WijkbeeldDb db, Viewer viewer, TimeProvider clock, IStringLocalizer<Texts> text)
{
    IQueryable<WorkCase> Cases => db.Set<WorkCase>().VisibleTo(viewer);

    public async Task<BuildingBlocksDto?> BuildingBlocksAsync(int caseId, CancellationToken ct) =>
        await Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) is { } c
            ? new BuildingBlocksDto(c.Id, c.Title, c.BlocksVersion, viewer.MayChange(c), await ScoresAsync(c.Id, ReflectionTool.BuildingBlocks, ct))
            : null;

    public async Task<SocialInnovationDto?> SocialInnovationAsync(int caseId, CancellationToken ct) =>
        await Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) is { } c
            ? new SocialInnovationDto(c.Id, c.Title, c.InnovationVersion, viewer.MayChange(c), await ScoresAsync(c.Id, ReflectionTool.SocialInnovation, ct))
            : null;

    /// <summary>Every code of the tool in the workbook's order; unscored ones with a null score.</summary>
    public async Task<List<ScoreDto>> ScoresAsync(int caseId, ReflectionTool tool, CancellationToken ct)
    {
        var stored = await db.Set<CaseScore>().Where(s => s.CaseId == caseId && s.Tool == tool.Name).AsNoTracking().ToListAsync(ct);
        return tool.Codes.Select(code => stored.FirstOrDefault(s => s.Code == code) is { } s
            ? new ScoreDto(code, s.Score.Length > 0 ? s.Score : null, s.Note, s.Obstacle, s.UpdatedAt, s.UpdatedBy)
            : new ScoreDto(code, null, "", "", null, null)).ToList();
    }

    /// <summary>Counts per score of every visible case, for the list of agendas.</summary>
    public async Task<Dictionary<int, ReflectionState>> StatesAsync(CancellationToken ct)
    {
        var rows = await db.Set<CaseScore>().Where(s => s.Score != "" && Cases.Any(c => c.Id == s.CaseId))
            .GroupBy(s => new { s.CaseId, s.Tool, s.Score }).Select(g => new { g.Key.CaseId, g.Key.Tool, g.Key.Score, Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => new ReflectionState(
            g.Where(r => r.Tool == ReflectionTool.BuildingBlocks.Name).ToDictionary(r => r.Score, r => r.Count),
            g.Where(r => r.Tool == ReflectionTool.SocialInnovation.Name).ToDictionary(r => r.Score, r => r.Count)));
    }

    public async Task<Result<BuildingBlocksDto>> SaveBuildingBlocksAsync(int caseId, int expectedVersion, BuildingBlocksInput input, CancellationToken ct)
    {
        var result = await SaveAsync(caseId, expectedVersion, ReflectionTool.BuildingBlocks, "blocks",
            input.Blocks?.Select(b => new BlockInput(b?.Code, b?.Score, b?.Note, b?.Obstacle)).ToList(), input.ConfirmPersonalData, ct);
        return result.Outcome == Outcome.Ok
            ? new(Outcome.Ok, await BuildingBlocksAsync(caseId, ct))
            : new(result.Outcome, Errors: result.Errors, CurrentVersion: result.CurrentVersion);
    }

    public async Task<Result<SocialInnovationDto>> SaveSocialInnovationAsync(int caseId, int expectedVersion, SocialInnovationInput input, CancellationToken ct)
    {
        var result = await SaveAsync(caseId, expectedVersion, ReflectionTool.SocialInnovation, "dimensions",
            input.Dimensions?.Select(d => new BlockInput(d?.Code, d?.Stage, d?.Note, null)).ToList(), input.ConfirmPersonalData, ct);
        return result.Outcome == Outcome.Ok
            ? new(Outcome.Ok, await SocialInnovationAsync(caseId, ct))
            : new(result.Outcome, Errors: result.Errors, CurrentVersion: result.CurrentVersion);
    }

    /// <summary>Replaces the tool's scores of a case: validates all first (nothing changes on an error), then checks the version.</summary>
    async Task<Result<bool>> SaveAsync(int caseId, int expectedVersion, ReflectionTool tool, string listField, List<BlockInput>? parts,
        bool confirmPersonalData, CancellationToken ct)
    {
        if (await Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct) is not { } c) return Result<bool>.NotFound;
        if (!viewer.MayChange(c)) return Result<bool>.Forbidden;
        var scoreField = tool.HasObstacle ? "score" : "stage";
        var errors = new Dictionary<string, string[]>();
        if (parts is null) errors[listField] = [text["Werkagenda.Error.ReflectionList"]];
        parts ??= [];
        for (var i = 0; i < parts.Count; i++)
        {
            var p = parts[i];
            var key = tool.Codes.Contains(p.Code) ? p.Code! : $"{listField}[{i}]";
            if (!tool.Codes.Contains(p.Code)) errors[$"{listField}[{i}].code"] = [text["Werkagenda.Error.ReflectionCode", string.Join(", ", tool.Codes)]];
            else if (parts.Take(i).Any(q => q.Code == p.Code)) errors[$"{listField}[{i}].code"] = [text["Werkagenda.Error.ReflectionTwice", p.Code!]];
            if (!string.IsNullOrWhiteSpace(p.Score) && !tool.Scores.Contains(p.Score.Trim()))
            {
                errors[$"{key}.{scoreField}"] = [text["Werkagenda.Error.ReflectionScore", string.Join(", ", tool.Scores)]];
            }
            if ((p.Note?.Length ?? 0) > WerkagendaRules.ReasonMax) errors[$"{key}.note"] = [text["Werkagenda.Error.TooLong", WerkagendaRules.ReasonMax]];
            if ((p.Obstacle?.Length ?? 0) > WerkagendaRules.ReasonMax) errors[$"{key}.obstacle"] = [text["Werkagenda.Error.TooLong", WerkagendaRules.ReasonMax]];
        }
        var stored = await db.Set<CaseScore>().Where(s => s.CaseId == caseId && s.Tool == tool.Name).ToListAsync(ct);
        if (errors.Count == 0 && !confirmPersonalData)
        {
            errors = PersonalDataRules.Check(text, parts.SelectMany(p => new[] { (p.Code + ".note", p.Note), (p.Code + ".obstacle", p.Obstacle) }),
                stored.SelectMany(s => new[] { s.Note, s.Obstacle }));
        }
        if (errors.Count > 0) return Result<bool>.Invalid(errors);
        var current = tool.HasObstacle ? c.BlocksVersion : c.InnovationVersion;
        if (current != expectedVersion) return new(Outcome.Conflict, CurrentVersion: current);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var code in tool.Codes)
        {
            var part = parts.FirstOrDefault(p => p.Code == code);
            var (score, note, obstacle) = (part?.Score?.Trim() ?? "", part?.Note?.Trim() ?? "", part?.Obstacle?.Trim() ?? "");
            var row = stored.FirstOrDefault(s => s.Code == code);
            if (score.Length == 0 && note.Length == 0 && obstacle.Length == 0)
            {
                if (row is not null) db.Remove(row);
                continue;
            }
            if (row is null)
            {
                row = new CaseScore { CaseId = caseId, Tool = tool.Name, Code = code };
                db.Add(row);
            }
            else if (row.Score == score && row.Note == note && row.Obstacle == obstacle)
            {
                continue;
            }
            (row.Score, row.Note, row.Obstacle, row.UpdatedAt, row.UpdatedBy) = (score, note, obstacle, now, viewer.Name ?? "");
        }
        if (tool.HasObstacle) c.BlocksVersion++;
        else c.InnovationVersion++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(Outcome.Conflict, CurrentVersion: expectedVersion + 1);
        }
        return new(Outcome.Ok, true);
    }
}
