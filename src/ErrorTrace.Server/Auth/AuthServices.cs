using System.Security.Claims;
using System.Text;
using ErrorTrace.Server.Options;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ErrorTrace.Server.Auth;

internal static class AuthServices
{
    private const string SelectorScheme = "BearerOrJwt";

    /// <summary>API tokens always; JWTs too when <c>Auth:Jwt</c> configures a key or an authority. Every /api route
    /// requires a caller with an owner or admin scope.</summary>
    public static IServiceCollection AddBearerAuth(this IServiceCollection services)
    {
        services.AddSingleton<TokenTable>();
        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API token or JWT", policy => policy.ForwardDefaultSelector = SelectScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => ConfigureJwt(jwt, auth.Value.Jwt));
        services.AddAuthorizationBuilder()
            // No scheme named: the authentication middleware has already run the default one (the selector), and
            // naming it here would authenticate every request a second time.
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(CallerClaims.Scope)
                .Build());
        return services;
    }

    private static string SelectScheme(HttpContext context)
    {
        var jwt = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.Jwt;
        var token = BearerToken.From(context.Request);
        return jwt.Enabled && token is not null && BearerToken.LooksLikeJwt(token)
            ? JwtBearerDefaults.AuthenticationScheme
            : TokenAuthenticationHandler.SchemeName;
    }

    private static void ConfigureJwt(JwtBearerOptions jwt, JwtOptions settings)
    {
        jwt.MapInboundClaims = false;
        if (!string.IsNullOrEmpty(settings.Authority)) jwt.Authority = settings.Authority;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = !string.IsNullOrEmpty(settings.Issuer),
            ValidIssuer = settings.Issuer,
            ValidateAudience = !string.IsNullOrEmpty(settings.Audience),
            ValidAudience = settings.Audience,
            ValidateLifetime = true,
            IssuerSigningKey = string.IsNullOrEmpty(settings.SigningKey) ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey)),
        };
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (context.Principal?.Identity is ClaimsIdentity identity) AddCallerClaims(identity, settings);
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>Maps a validated JWT to the service's claims: admin when a role or scope claim carries the admin value,
    /// else the owner from the configured claim.</summary>
    private static void AddCallerClaims(ClaimsIdentity identity, JwtOptions settings)
    {
        var admin = identity.Claims.Any(c =>
            (c.Type is "role" or "roles" or ClaimTypes.Role && c.Value == settings.AdminValue)
            || (c.Type is "scope" or "scp" && c.Value.Split(' ').Contains(settings.AdminValue)));
        if (admin)
        {
            identity.AddClaim(new Claim(CallerClaims.Scope, CallerClaims.AdminScope));
            return;
        }

        if (identity.FindFirst(settings.OwnerClaim)?.Value is { Length: > 0 } owner)
        {
            identity.AddClaim(new Claim(CallerClaims.Scope, CallerClaims.OwnerScope));
            identity.AddClaim(new Claim(CallerClaims.Owner, owner));
        }
    }
}
