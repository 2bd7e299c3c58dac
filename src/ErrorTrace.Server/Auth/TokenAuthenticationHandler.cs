using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Auth;

/// <summary><c>Authorization: Bearer {token}</c> against the <see cref="TokenTable"/>. A challenge answers 401 with
/// <c>WWW-Authenticate: Bearer</c>; the status-code-pages middleware then writes the problem+json body.</summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenTable tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = BearerToken.From(Request);
        if (presented is null) return Task.FromResult(AuthenticateResult.NoResult());
        var token = tokens.Find(presented);
        if (token is null) return Task.FromResult(AuthenticateResult.Fail("The bearer token is not valid."));

        var claims = new List<Claim> { new(ClaimTypes.Name, token.Name) };
        if (token.Admin) claims.Add(new Claim(CallerClaims.Scope, CallerClaims.AdminScope));
        else if (token.Owner is not null)
        {
            claims.Add(new Claim(CallerClaims.Scope, CallerClaims.OwnerScope));
            claims.Add(new Claim(CallerClaims.Owner, token.Owner));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = BearerToken.From(Request) is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}
