using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Options;

/// <summary>The resolved, absolute directories and connection string, computed once from the options.</summary>
internal sealed class ServicePaths
{
    public ServicePaths(IOptions<PathsOptions> paths, IOptions<DatabaseOptions> database, IOptions<DemoOptions> demo)
    {
        var dataDir = paths.Value.DataDir is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "errortrace");
        DataDir = Path.GetFullPath(dataDir);
        LogsDir = Path.GetFullPath(paths.Value.LogsDir is { Length: > 0 } logs ? logs : Path.Combine(DataDir, "logs"));
        IsEmbedded = string.IsNullOrWhiteSpace(database.Value.ConnectionString);
        EmbeddedDatabaseFile = Path.Combine(DataDir, "errortrace.db");
        ConnectionString = IsEmbedded ? $"Data Source={EmbeddedDatabaseFile}" : database.Value.ConnectionString!;
        SeedDemo = demo.Value.Enabled ?? IsEmbedded;
    }

    public string DataDir { get; }

    public string LogsDir { get; }

    public string ConnectionString { get; }

    /// <summary>True when no connection string was configured: the service's own SQLite file.</summary>
    public bool IsEmbedded { get; }

    public string EmbeddedDatabaseFile { get; }

    public bool SeedDemo { get; }

    /// <summary>The tokens file the demo seeder writes (hashes only); read alongside the configured tokens.</summary>
    public string TokensFile => Path.Combine(DataDir, "tokens.json");

    /// <summary>The demo tokens in clear text (mode 600), so every start can print them.</summary>
    public string DemoTokensFile => Path.Combine(DataDir, "demo-tokens.txt");
}
