namespace ErrorTrace.Server.Options;

/// <summary><c>Auth:Jwt</c>: for platforms that already issue JWTs. Enabled when <see cref="SigningKey"/> or
/// <see cref="Authority"/> is set; a bearer token with two dots is then validated as a JWT.</summary>
internal sealed class JwtOptions
{
    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    /// <summary>A symmetric HS256 key (at least 32 bytes of text).</summary>
    public string? SigningKey { get; set; }

    /// <summary>An OpenID Connect authority whose published keys sign the tokens.</summary>
    public string? Authority { get; set; }

    /// <summary>The claim that names the owner of the caller's jobs.</summary>
    public string OwnerClaim { get; set; } = "sub";

    /// <summary>A <c>role</c> or <c>scope</c> claim value that grants admin.</summary>
    public string AdminValue { get; set; } = "errortrace:admin";

    public bool Enabled => !string.IsNullOrEmpty(SigningKey) || !string.IsNullOrEmpty(Authority);
}
