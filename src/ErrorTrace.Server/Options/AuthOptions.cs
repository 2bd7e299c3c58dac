namespace ErrorTrace.Server.Options;

/// <summary><c>Auth</c>: the bearer tokens the service accepts, and optional JWT validation.</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    public List<TokenOptions> Tokens { get; set; } = [];

    public JwtOptions Jwt { get; set; } = new();
}
