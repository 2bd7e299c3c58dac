using ErrorTrace.Server.Jobs;

namespace ErrorTrace.Server.Options;

internal static class OptionsServices
{
    /// <summary>Longest wait or memo a setting may ask for: an hour is already far beyond any sensible value.</summary>
    private const int MaxMilliseconds = 3_600_000;

    /// <summary>The smallest cache that holds a few ordinary reports.</summary>
    private const long MinCacheBytes = 1024 * 1024;

    /// <summary>Binds every configuration section to its options class, and checks at start (ValidateOnStart) what would
    /// otherwise fail at the first request or, worse, be silently ignored.</summary>
    public static IServiceCollection AddServiceOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PathsOptions>().Bind(configuration.GetSection(PathsOptions.Section));
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddOptions<JobsTableOptions>().Bind(configuration.GetSection(JobsTableOptions.Section))
            .Validate(t => PlainNames(t).All(SqlIdentifier.IsPlain),
                "Jobs:Table and Jobs:Columns:* must be plain SQL identifiers (letters, digits, '_', optionally 'schema.table').")
            .ValidateOnStart();
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section))
            .Validate(a => a.Tokens.All(t => t.Sha256.Length == 64 && t.Sha256.All(char.IsAsciiHexDigit)),
                "Auth:Tokens:N:Sha256 must be the 64 hex digits of the token's SHA-256 (printf %s \"$TOKEN\" | sha256sum).")
            .Validate(a => string.IsNullOrEmpty(a.Jwt.SigningKey) || System.Text.Encoding.UTF8.GetByteCount(a.Jwt.SigningKey) >= 32,
                "Auth:Jwt:SigningKey must be at least 32 bytes (HS256).")
            .ValidateOnStart();
        services.AddOptions<CorsSettings>().Bind(configuration.GetSection(CorsSettings.Section))
            .Validate(c => c.Origins.All(o => string.IsNullOrWhiteSpace(o) || (Uri.TryCreate(o, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")),
                "Cors:Origins:N must be absolute http(s) origins, e.g. https://dash.example.com.")
            .ValidateOnStart();
        services.AddOptions<CacheOptions>().Bind(configuration.GetSection(CacheOptions.Section))
            .Validate(c => c.SizeLimitBytes >= MinCacheBytes, $"Cache:SizeLimitBytes must be at least {MinCacheBytes} (1 MiB).")
            .Validate(c => new[] { c.JobRowMilliseconds, c.LogLocationMilliseconds, c.JobListWaitMilliseconds }.All(ms => ms is >= 0 and <= MaxMilliseconds),
                $"Cache:JobRowMilliseconds, Cache:LogLocationMilliseconds and Cache:JobListWaitMilliseconds are 0 to {MaxMilliseconds}.")
            .ValidateOnStart();
        services.AddOptions<FeatureOptions>().Bind(configuration.GetSection(FeatureOptions.Section));
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));
        services.AddOptions<ClassificationOptions>().Bind(configuration.GetSection(ClassificationOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ClassificationOptions>, ClassificationOptionsValidator>();
        services.AddSingleton<ServicePaths>();
        return services;
    }

    private static IEnumerable<string> PlainNames(JobsTableOptions table)
    {
        var c = table.Columns;
        return [table.Table, c.Id, c.Status, c.ErrorMessage, c.Owner, c.LogPath, c.CreatedAt, c.UpdatedAt];
    }
}
