namespace ErrorTrace.Server.Auth;

internal static class BearerToken
{
    /// <summary>The token of an <c>Authorization: Bearer ...</c> header, or null.</summary>
    public static string? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[prefix.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    /// <summary>A compact JWT has three base64url parts.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;
}
