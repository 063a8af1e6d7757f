using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Audit;

/// <summary>Search the audit log per item, person or period. Read only: there is no way to change an entry.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class AuditLogModel(WijkbeeldDb db) : PageModel
{
    public const int PageSize = 200;
    public static readonly string[] Types = ["item", "organisatie", "account", "uitnodiging", "gebied"];

    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Error = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Entries = await AuditSearch.Filter(db.AuditLog.AsNoTracking(), Type, Id, Person, From, To)
            .OrderByDescending(e => e.Id).Take(PageSize).ToListAsync(ct);
    }
}

public static class AuditSearch
{
    public static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> query, string? type, string? id, string? person, DateOnly? from, DateOnly? to)
    {
        if (!string.IsNullOrWhiteSpace(type)) query = query.Where(e => e.EntityType == type.Trim());
        if (!string.IsNullOrWhiteSpace(id)) query = query.Where(e => e.EntityId == id.Trim());
        if (!string.IsNullOrWhiteSpace(person)) query = query.Where(e => e.UserName.Contains(person.Trim()));
        if (from is { } f) { var start = f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); query = query.Where(e => e.At >= start); }
        if (to is { } t) { var end = t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); query = query.Where(e => e.At < end); }
        return query;
    }
}
