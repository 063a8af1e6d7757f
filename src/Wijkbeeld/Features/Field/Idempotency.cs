using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Field;

/// <summary>
/// Honours the Idempotency-Key header on every POST, PUT, PATCH and DELETE under /api (creates of items, comments,
/// support, photos and whatever record type comes later; edits; deletes): the first request runs and its answer is stored; a retry with the same key
/// and the same request gets that stored answer (with Idempotent-Replayed: true) and changes nothing.
/// The same key with another request is refused (422); a retry while the first still runs gets 409 with Retry-After.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Answers larger than this are not worth replaying byte for byte; the status and headers still are.</summary>
    const int MaxStoredBody = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, IServiceScopeFactory scopes, TimeProvider clock,
        IOptions<FieldOptions> options, IStringLocalizer<Texts> text)
    {
        var request = context.Request;
        // Every write (creates, and edits and deletes too: a replayed PUT must not turn into a false conflict).
        var isWrite = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)
            || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method);
        if (!isWrite || !request.Path.StartsWithSegments("/api")
            || !request.Headers.TryGetValue(Header, out var values))
        {
            await next(context);
            return;
        }
        var key = values.ToString().Trim();
        if (values.Count != 1 || key.Length is 0 or > IdempotencyRecord.KeyMaxLength || key.Any(c => c < 0x21 || c > 0x7e))
        {
            await WriteProblemAsync(context, StatusCodes.Status400BadRequest, text["Field.Idempotency.BadKey", IdempotencyRecord.KeyMaxLength]);
            return;
        }

        // Reading the body first keeps the endpoint's size limit (Kestrel answers 413 before any key is stored).
        request.EnableBuffering();
        var fingerprint = await FingerprintAsync(request, context.RequestAborted);
        request.Body.Position = 0;

        var now = clock.GetUtcNow().UtcDateTime;
        var lease = TimeSpan.FromSeconds(options.Value.IdempotencyLeaseSeconds);
        var claim = await ClaimAsync(scopes, key, fingerprint, now, lease);
        if (claim.Existing is { } existing)
        {
            if (existing.Fingerprint != fingerprint)
            {
                await WriteProblemAsync(context, StatusCodes.Status422UnprocessableEntity, text["Field.Idempotency.OtherRequest"]);
            }
            else if (existing.CompletedAt is null)
            {
                context.Response.Headers.RetryAfter = "2";
                await WriteProblemAsync(context, StatusCodes.Status409Conflict, text["Field.Idempotency.InProgress"],
                    new Dictionary<string, object?> { ["inProgress"] = true });
            }
            else
            {
                await ReplayAsync(context, existing);
            }
            return;
        }

        // Run the request with its answer captured, then store the answer and send it on.
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            await ForgetAsync(scopes, key);
            throw;
        }
        context.Response.Body = original;

        var response = context.Response;
        if (response.StatusCode >= 500)
        {
            // A server failure changed nothing (or not for sure): the client may retry with the same key.
            await ForgetAsync(scopes, key);
        }
        else
        {
            await CompleteAsync(scopes, key, response, buffer, clock.GetUtcNow().UtcDateTime);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The account is part of what was asked: someone else's key never replays another person's answer (they get 422).
        var owner = Features.Accounts.Viewer.From(request.HttpContext.User).UserId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
        hash.AppendData(Encoding.UTF8.GetBytes($"{owner} {request.Method} {request.Path}{request.QueryString} {request.ContentType?.Split(';')[0].Trim().ToLowerInvariant()}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    sealed record Claim(IdempotencyRecord? Existing);

    /// <summary>Stores the key as "in progress"; when it is there already, returns what is stored.</summary>
    static async Task<Claim> ClaimAsync(IServiceScopeFactory scopes, string key, string fingerprint, DateTime now, TimeSpan lease)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbeeldDb>();
        db.IdempotencyRecords.Add(new IdempotencyRecord { Key = key, Fingerprint = fingerprint, StartedAt = now });
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
            return new(null);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
        var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key);
        if (existing is null)
        {
            throw new InvalidOperationException("The idempotency key could not be stored.");
        }
        // A first attempt that never finished (its server stopped) no longer blocks: the retry takes it over.
        if (existing.CompletedAt is null && existing.Fingerprint == fingerprint && existing.StartedAt < now - lease)
        {
            var cutoff = now - lease;
            var taken = await db.IdempotencyRecords
                .Where(r => r.Key == key && r.CompletedAt == null && r.StartedAt < cutoff)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.StartedAt, now));
            if (taken == 1)
            {
                return new(null);
            }
        }
        return new(existing);
    }

    static async Task CompleteAsync(IServiceScopeFactory scopes, string key, HttpResponse response, MemoryStream body, DateTime now)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbeeldDb>();
        var record = await db.IdempotencyRecords.FirstAsync(r => r.Key == key);
        record.CompletedAt = now;
        record.StatusCode = response.StatusCode;
        record.ContentType = response.ContentType;
        record.Location = response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
        record.ETag = response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null;
        record.Body = body.Length <= MaxStoredBody ? body.ToArray() : null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    static async Task ForgetAsync(IServiceScopeFactory scopes, string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbeeldDb>();
        await db.IdempotencyRecords.Where(r => r.Key == key).ExecuteDeleteAsync(CancellationToken.None);
    }

    static async Task ReplayAsync(HttpContext context, IdempotencyRecord record)
    {
        var response = context.Response;
        response.StatusCode = record.StatusCode;
        response.Headers[ReplayedHeader] = "true";
        if (record.ContentType is not null) response.ContentType = record.ContentType;
        if (record.Location is not null) response.Headers.Location = record.Location;
        if (record.ETag is not null) response.Headers.ETag = record.ETag;
        if (record.Body is { Length: > 0 } body)
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    static ValueTask WriteProblemAsync(HttpContext context, int status, string detail, IDictionary<string, object?>? extensions = null)
    {
        context.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Detail = detail };
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return writer.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}

/// <summary>Removes stored idempotency answers older than <see cref="FieldOptions.IdempotencyDays"/>, once an hour.</summary>
public sealed class IdempotencyCleanup(IServiceScopeFactory scopes, TimeProvider clock, IOptions<FieldOptions> options, ILogger<IdempotencyCleanup> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<WijkbeeldDb>();
                var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.IdempotencyDays);
                await db.IdempotencyRecords.Where(r => r.StartedAt < before).ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is briefly away is no reason to stop the app; try again next hour.
                log.LogWarning(e, "Removing old idempotency keys failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
