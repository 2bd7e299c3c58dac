using ErrorTrace.Server.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ErrorTrace.Server.Jobs;

internal static class JobStoreServices
{
    /// <summary>The repository the connection string asks for: <c>Host=...</c> is PostgreSQL, anything else SQLite.</summary>
    public static IServiceCollection AddJobStore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IJobRepository>(sp =>
        {
            var paths = sp.GetRequiredService<ServicePaths>();
            var table = sp.GetRequiredService<IOptions<JobsTableOptions>>().Value;
            IJobRepository store = IsPostgres(paths.ConnectionString)
                ? new PostgresJobRepository(NpgsqlDataSource.Create(paths.ConnectionString), table)
                : new SqliteJobRepository(paths.ConnectionString, table);
            var rowLifetime = sp.GetRequiredService<IOptions<CacheOptions>>().Value.JobRowMilliseconds;
            return rowLifetime > 0 ? new CachedJobRepository(store, TimeSpan.FromMilliseconds(rowLifetime), sp.GetRequiredService<TimeProvider>()) : store;
        });
        return services;
    }

    public static bool IsPostgres(string connectionString) =>
        connectionString.Split(';').Any(part => part.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase));
}
