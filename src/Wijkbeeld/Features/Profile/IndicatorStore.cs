using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Infrastructure.Caching;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Profile;

public sealed record IndicatorImportReport(
    string Format, string? Table, IReadOnlyList<int> Years, int RowsRead, int ValuesStored, int ValuesChanged, int ValuesUnchanged,
    int ValuesMissing, int IndicatorsCreated, IReadOnlyList<SkipGroup> Skipped)
{
    public int SkippedCount => Skipped.Sum(s => s.Count);
}

/// <summary>Stores a checked file in one transaction: new figures are added, changed ones updated, equal ones left alone.</summary>
public sealed class IndicatorStore(WijkbeeldDb db, TimeProvider clock, IOutputCacheStore cache)
{
    // One import at a time per instance: two imports of the same figures would race on the unique index.
    static readonly SemaphoreSlim gate = new(1, 1);

    public async Task<IndicatorImportReport> StoreAsync(ParsedImport parsed, ImportProgress? progress, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            progress?.SetTotal(parsed.Values.Count);
            var now = clock.GetUtcNow().UtcDateTime;
            var created = 0;
            var strategy = db.Database.CreateExecutionStrategy();
            var (stored, changed, unchanged) = (0, 0, 0);
            await strategy.ExecuteAsync(async () =>
            {
                (stored, changed, unchanged, created) = (0, 0, 0, 0);
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var indicators = await db.Indicators.ToDictionaryAsync(i => i.Key, StringComparer.OrdinalIgnoreCase, ct);
                foreach (var meta in parsed.Indicators.Where(m => indicators.ContainsKey(m.Key)))
                {
                    // DataProperties fill in what a CSV without them left empty; nobody's edit is overwritten.
                    var known = indicators[meta.Key];
                    if (known.Description is null && meta.Description is not null)
                    {
                        known.Description = meta.Description;
                    }
                    if (known.Unit is null && meta.Unit is not null)
                    {
                        known.Unit = meta.Unit;
                    }
                    if (known.Label == known.Key && meta.Label != meta.Key)
                    {
                        known.Label = meta.Label;
                    }
                }
                foreach (var meta in parsed.Indicators.Where(m => !indicators.ContainsKey(m.Key)))
                {
                    var indicator = new Indicator
                    {
                        Key = meta.Key, Label = meta.Label, Unit = meta.Unit, Description = meta.Description, HigherIsBetter = meta.HigherIsBetter,
                        Origin = meta.Origin, Featured = meta.Featured, Decimals = meta.Decimals, Source = meta.Source, UpdatedAt = now, Version = 1,
                    };
                    db.Indicators.Add(indicator);
                    indicators[meta.Key] = indicator;
                    created++;
                }
                await db.SaveChangesAsync(ct);

                var ids = parsed.Indicators.Select(m => indicators[m.Key].Id).ToList();
                var years = parsed.Years.ToList();
                var bulk = new BulkValues(db, transaction.GetDbTransaction());
                var existing = await bulk.ExistingAsync(ids, years, ct);
                var inserts = new List<(int IndicatorId, string AreaCode, int Year, double Value)>();
                var updates = new List<(long Id, double Value)>();
                foreach (var value in parsed.Values)
                {
                    var id = indicators[value.Key].Id;
                    if (existing.TryGetValue((id, value.AreaCode, value.Year), out var row))
                    {
                        if (row.Value.Equals(value.Value))
                        {
                            unchanged++;
                            progress?.Advance(1);
                        }
                        else
                        {
                            updates.Add((row.Id, value.Value));
                        }
                    }
                    else
                    {
                        inserts.Add((id, value.AreaCode, value.Year, value.Value));
                    }
                }
                // Plain SQL in the same transaction: a national table is about 1.8 million figures, too many for change tracking.
                await bulk.InsertAsync(inserts, n => progress?.Advance(n), ct);
                await bulk.UpdateAsync(updates, n => progress?.Advance(n), ct);
                stored = inserts.Count;
                changed = updates.Count;
                foreach (var group in parsed.Values.GroupBy(v => v.Key))
                {
                    var indicator = indicators[group.Key];
                    var known = indicator.Years.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);
                    indicator.Years = string.Join(',', known.Concat(group.Select(v => v.Year)).Distinct().Order());
                }
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            });
            db.ChangeTracker.Clear();
            await cache.EvictIndicatorsAsync(ct);
            return new IndicatorImportReport(parsed.Format, parsed.Table, parsed.Years, parsed.RowsRead, stored, changed, unchanged,
                parsed.Missing, created, parsed.Skips.Groups);
        }
        finally
        {
            gate.Release();
        }
    }
}

public enum ImportState { Running, Done, Failed }

/// <summary>Progress of one background import, read by the progress page and the API.</summary>
public sealed class ImportProgress(Guid id, string fileName)
{
    int done;
    int total;

    public Guid Id => id;
    public string FileName => fileName;
    public ImportState State { get; internal set; } = ImportState.Running;
    public IndicatorImportReport? Report { get; internal set; }
    public string? Error { get; internal set; }
    public int Done => Volatile.Read(ref done);
    public int Total => Volatile.Read(ref total);
    public int Percent => State == ImportState.Done ? 100 : Total == 0 ? 0 : (int)(100L * Done / Total);

    public void SetTotal(int count) => Volatile.Write(ref total, count);

    public void Advance(int count) => Interlocked.Add(ref done, count);
}

/// <summary>
/// Runs imports in the background (a file is checked in the request, stored here) and keeps their progress and report
/// in memory for an hour. With several instances the progress page must reach the instance that took the upload.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<ImportJobs> log)
{
    readonly ConcurrentDictionary<Guid, (ImportProgress Progress, DateTime Started)> jobs = new();

    public ImportProgress Start(ParsedImport parsed, string fileName)
    {
        foreach (var old in jobs.Where(j => j.Value.Started < DateTime.UtcNow.AddHours(-1)).ToList())
        {
            jobs.TryRemove(old.Key, out _);
        }
        var progress = new ImportProgress(Guid.NewGuid(), fileName);
        jobs[progress.Id] = (progress, DateTime.UtcNow);
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<IndicatorStore>();
                progress.Report = await store.StoreAsync(parsed, progress, lifetime.ApplicationStopping);
                progress.State = ImportState.Done;
            }
            catch (Exception e)
            {
                log.LogError(e, "Indicator import {Id} failed", progress.Id);
                progress.Error = e is OperationCanceledException
                    ? "De import is afgebroken omdat Wijkbeeld stopte. Er is niets opgeslagen."
                    : "Het opslaan is mislukt (de database gaf een fout). Er is niets opgeslagen; probeer het later opnieuw.";
                progress.State = ImportState.Failed;
            }
        });
        return progress;
    }

    public ImportProgress? Find(Guid id) => jobs.TryGetValue(id, out var job) ? job.Progress : null;
}

/// <summary>Codes a file may carry figures for: the areas Wijkbeeld knows, plus Nederland for comparison.</summary>
public sealed class IndicatorImport(AreaIndex areas, ImportJobs jobs, TimeProvider clock)
{
    public int MaxYear => clock.GetUtcNow().Year + 1;

    public async Task<IReadOnlySet<string>> KnownCodesAsync(CancellationToken ct)
    {
        var map = await areas.GetAsync(ct);
        var codes = new HashSet<string>(map.All.Select(a => a.Code), StringComparer.Ordinal) { IndicatorRules.NetherlandsCode };
        return codes;
    }

    public async Task<ParsedImport> ReadCbsAsync(Stream data, string? fileName, int? year, Stream? dataProperties, CancellationToken ct) =>
        await IndicatorFiles.ReadCbsAsync(data, fileName, year, dataProperties, await KnownCodesAsync(ct), MaxYear, ct);

    public async Task<ParsedImport> ReadOwnAsync(Stream data, CancellationToken ct) =>
        IndicatorFiles.ReadOwnCsv(data, await KnownCodesAsync(ct), MaxYear, ct);

    public ImportProgress Start(ParsedImport parsed, string fileName) => jobs.Start(parsed, fileName);
}
