using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Accounts;

public static class Policies
{
    public const string SignedIn = "signed-in";
    public const string Writer = "writer";
    public const string Moderator = "moderator";
    public const string Administrator = "administrator";
}

public sealed class AccountOptions
{
    /// <summary>How long an invitation link works.</summary>
    public int InvitationDays { get; set; } = 7;
}

public static class AccountSetup
{
    public static IServiceCollection AddWijkbeeldAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentViewer>();
        services.AddScoped(sp => sp.GetRequiredService<CurrentViewer>().Get());
        services.AddOptions<AccountOptions>().BindConfiguration("Accounts");

        services.AddIdentity<User, IdentityRole<int>>(o =>
            {
                // Length over composition rules (NIST SP 800-63B); PBKDF2 with 100,000 iterations is Identity's default hash.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<WijkbeeldDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<WijkbeeldClaims>()
            .AddErrorDescriber<DutchIdentityErrors>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "wijkbeeld";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/inloggen";
            o.LogoutPath = "/uitloggen";
            o.AccessDeniedPath = "/fout/403";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            // The API answers 401/403 (problem details via the status code pages); only pages redirect to the login page.
            o.Events.OnRedirectToLogin = c => ApiStatus(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiStatus(c, StatusCodes.Status403Forbidden);
        });
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        var authentication = services.AddAuthentication();
        var oidc = configuration.GetSection("Authentication:Oidc");
        if (!string.IsNullOrWhiteSpace(oidc["Authority"]))
        {
            authentication.AddOpenIdConnect(ExternalLogin.Scheme, "Inloggen met uw organisatie", o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = oidc["Authority"];
                o.ClientId = oidc["ClientId"];
                o.ClientSecret = oidc["ClientSecret"];
                o.ResponseType = "code";
                o.UsePkce = true;
                o.Scope.Add("email");
                o.CallbackPath = "/signin-oidc";
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Writer, p => p.RequireRole(Roles.Writers))
            .AddPolicy(Policies.Moderator, p => p.RequireRole(Roles.Moderators))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator));
        services.AddScoped<Invitations>();
        services.AddScoped<Members>();
        return services;
    }

    static Task ApiStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Adds the organisation and display name to the sign-in cookie, so every request knows them without a query.</summary>
sealed class WijkbeeldClaims(UserManager<User> users, RoleManager<IdentityRole<int>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, IdentityRole<int>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", user.DisplayName));
        if (user.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(Viewer.OrganisationClaim, organisation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
