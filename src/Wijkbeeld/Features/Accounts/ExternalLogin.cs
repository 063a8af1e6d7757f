namespace Wijkbeeld.Features.Accounts;

/// <summary>Single sign-on with the municipality's own identity provider (OpenID Connect), when configured.</summary>
public static class ExternalLogin
{
    public const string Scheme = "oidc";
}
