using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Audit;

/// <summary>Search the audit log per item, person or period. Read only: there is no way to change an entry.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class AuditLogModel(WijkbeeldDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    /// <summary>Show the entries older than this one (the last of the page before).</summary>
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public bool HasOlder { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Error = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var entries = await AuditSearch.Filter(db.AuditLog.AsNoTracking(), Type, Id, Person, From, To, Before)
            .OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(ct);
        HasOlder = entries.Count > PageSize;
        Entries = entries.Take(PageSize).ToList();
    }

    /// <summary>This search, from <paramref name="before"/> on (null: the newest entries).</summary>
    public string PageUrl(long? before) => QueryHelpers.AddQueryString("/beheer/logboek", new Dictionary<string, string?>
    {
        ["type"] = Type, ["id"] = Id, ["person"] = Person, ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"),
        ["before"] = before?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));
}

public static class AuditSearch
{
    public static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> query, string? type, string? id, string? person, DateOnly? from, DateOnly? to,
        long? before = null)
    {
        if (before is { } b) query = query.Where(e => e.Id < b);
        if (!string.IsNullOrWhiteSpace(type)) query = query.Where(e => e.EntityType == type.Trim());
        if (!string.IsNullOrWhiteSpace(id)) query = query.Where(e => e.EntityId == id.Trim());
        if (!string.IsNullOrWhiteSpace(person)) query = query.Where(e => e.UserName.Contains(person.Trim()));
        if (from is { } f) { var start = f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); query = query.Where(e => e.At >= start); }
        if (to is { } t) { var end = t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); query = query.Where(e => e.At < end); }
        return query;
    }
}
