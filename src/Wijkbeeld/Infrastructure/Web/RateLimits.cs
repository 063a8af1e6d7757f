using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Wijkbeeld.Infrastructure.Web;

public sealed class RateLimitOptions
{
    /// <summary>Public contributions per address per window.</summary>
    public int Contributions { get; set; } = 5;
    public int ContributionWindowMinutes { get; set; } = 10;

    /// <summary>Sign-in attempts per address per minute (lockout per account comes on top).</summary>
    public int SignIns { get; set; } = 20;
}

/// <summary>Limits per client address for what anyone can post without an account.</summary>
public static class RateLimits
{
    public const string Contributions = "contributions";
    public const string SignIn = "sign-in";

    public static IServiceCollection AddWijkbeeldRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Contributions, http => RateLimitPartition.GetFixedWindowLimiter(Address(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.Contributions, Window = TimeSpan.FromMinutes(limits.ContributionWindowMinutes) }));
            o.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(Address(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignIns, Window = TimeSpan.FromMinutes(1) }));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var text = http.RequestServices.GetRequiredService<IStringLocalizer<Texts>>();
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    http.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                await Results.Problem(text["Problem.TooMany"], statusCode: StatusCodes.Status429TooManyRequests, title: text["Problem.Title.429"])
                    .ExecuteAsync(http);
            };
        });
        return services;
    }

    static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "onbekend";
}
