using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ErrorTrace.Server.Tests;

/// <summary><c>Auth:Jwt</c> on: HS256 tokens from a platform's issuer, with their issuer, audience, lifetime and
/// signature checked, and the owner or admin scope taken from their claims; the configured API tokens keep working.</summary>
public sealed class JwtTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private const string Key = "a-test-signing-key-of-at-least-32-bytes!";
    private const string Issuer = "https://platform.example";
    private const string Audience = "errortrace";

    private readonly WebApplicationFactory<Program> _service =
        server.With(("Auth:Jwt:SigningKey", Key), ("Auth:Jwt:Issuer", Issuer), ("Auth:Jwt:Audience", Audience));

    public void Dispose() => _service.Dispose();

    private HttpClient Client(string token)
    {
        var client = _service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static string Jwt(IEnumerable<Claim> claims, string key = Key, string issuer = Issuer, string audience = Audience, TimeSpan? expiresIn = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    private static Task<HttpResponseMessage> Errors(HttpClient client, string job) =>
        client.GetAsync($"/api/training/{job}/errors", TestContext.Current.CancellationToken);

    [Fact]
    public async Task An_owners_token_sees_its_jobs_only()
    {
        using var client = Client(Jwt([new Claim("sub", "alice")]));
        Assert.Equal(HttpStatusCode.OK, (await Errors(client, "oom1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Errors(client, "bob1")).StatusCode);
    }

    [Fact]
    public async Task The_admin_scope_sees_every_job()
    {
        using var client = Client(Jwt([new Claim("sub", "ops"), new Claim("scope", "openid errortrace:admin")]));
        Assert.Equal(HttpStatusCode.OK, (await Errors(client, "bob1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Errors(client, "oom1")).StatusCode);
    }

    public static TheoryData<string> RejectedTokens => new()
    {
        { Jwt([new Claim("sub", "alice")], key: "another-signing-key-of-at-least-32-bytes") },
        { Jwt([new Claim("sub", "alice")], issuer: "https://elsewhere.example") },
        { Jwt([new Claim("sub", "alice")], audience: "another-service") },
        { Jwt([new Claim("sub", "alice")], expiresIn: TimeSpan.FromMinutes(-30)) },
        { Jwt([new Claim("name", "no owner and no admin scope")]) },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task A_token_that_fails_validation_or_names_no_caller_is_refused(string token)
    {
        using var client = Client(token);
        var response = await Errors(client, "oom1");
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_tokens_keep_working_beside_jwts()
    {
        using var client = Client(ServerFixture.AliceToken);
        Assert.Equal(HttpStatusCode.OK, (await Errors(client, "oom1")).StatusCode);
    }
}
