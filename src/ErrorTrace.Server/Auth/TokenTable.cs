using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ErrorTrace.Server.Options;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Auth;

/// <summary>The accepted API tokens, by SHA-256 only: the configured ones (<c>Auth:Tokens</c>) and the demo ones
/// (<c>{DataDir}/tokens.json</c>). A presented token is hashed and compared with every entry in constant time.</summary>
internal sealed class TokenTable
{
    private readonly Entry[] _entries;

    public TokenTable(IOptions<AuthOptions> auth, ServicePaths paths)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(paths);
        var tokens = new List<TokenOptions>(auth.Value.Tokens);
        if (File.Exists(paths.TokensFile))
            tokens.AddRange(JsonSerializer.Deserialize(File.ReadAllText(paths.TokensFile), OptionsJsonContext.Default.ListTokenOptions) ?? []);
        _entries = tokens.Select(ToEntry).OfType<Entry>().ToArray();
    }

    public int Count => _entries.Length;

    public TokenOptions? Find(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        TokenOptions? match = null;
        // No early exit: the time taken does not depend on which entry (if any) matched.
        foreach (var entry in _entries)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, entry.Hash)) match ??= entry.Token;
        }

        return match;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static Entry? ToEntry(TokenOptions token)
    {
        if (token.Sha256.Length != SHA256.HashSizeInBytes * 2) return null;
        try
        {
            return new Entry(Convert.FromHexString(token.Sha256), token);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed record Entry(byte[] Hash, TokenOptions Token);
}
