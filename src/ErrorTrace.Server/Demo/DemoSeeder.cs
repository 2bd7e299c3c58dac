using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ErrorTrace.Server.Data;
using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Demo;

/// <summary>On the first start with the embedded database: creates the data and logs directories, the SQLite file with
/// the jobs table (named as configured), the demo jobs and their logs, and two random demo tokens (an admin one and
/// alice's), stored hashed in <c>tokens.json</c> and in clear in <c>demo-tokens.txt</c> (mode 600) for the banner.</summary>
internal sealed class DemoSeeder(ServicePaths paths, IOptions<JobsTableOptions> table, ILogger<DemoSeeder> logger)
{
    public bool SeedIfNeeded()
    {
        if (!paths.SeedDemo || File.Exists(paths.EmbeddedDatabaseFile)) return false;
        Directory.CreateDirectory(paths.DataDir);
        Directory.CreateDirectory(paths.LogsDir);
        var jobs = DemoJobs.Create(DateTime.UtcNow);
        foreach (var job in jobs) File.WriteAllText(Path.Combine(paths.LogsDir, $"job_{job.Id}.log"), job.Log);
        WriteTokens();

        // Written to a temporary file and moved, so a crash never leaves a half-made database that would stop a re-seed.
        var temporary = paths.EmbeddedDatabaseFile + ".tmp";
        File.Delete(temporary);
        using (var connection = new SqliteConnection($"Data Source={temporary};Pooling=False"))
        {
            connection.Open();
            using (var create = DbQueries.Command(connection, CreateTableSql())) create.ExecuteNonQuery();
            using var transaction = connection.BeginTransaction();
            foreach (var job in jobs)
            {
                using var insert = DbQueries.Command(connection, InsertSql(), transaction);
                AddRow(insert, job).ExecuteNonQuery();
            }

            transaction.Commit();
        }

        File.Move(temporary, paths.EmbeddedDatabaseFile);
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("Demo database created at {Database} with {Count} jobs; logs in {Logs}", paths.EmbeddedDatabaseFile, jobs.Count, paths.LogsDir);
        return true;
    }

    private void WriteTokens()
    {
        var admin = "et_demo_admin_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var alice = "et_demo_alice_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        List<TokenOptions> hashed =
        [
            new() { Name = "demo-admin", Sha256 = Auth.TokenTable.Hash(admin), Admin = true },
            new() { Name = "demo-alice", Sha256 = Auth.TokenTable.Hash(alice), Owner = "alice" },
        ];
        File.WriteAllText(paths.TokensFile, JsonSerializer.Serialize(hashed, OptionsJsonContext.Default.ListTokenOptions));
        File.WriteAllText(paths.DemoTokensFile, $"admin {admin}\nalice {alice}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(paths.DemoTokensFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private string CreateTableSql()
    {
        var c = table.Value.Columns;
        return $"""
            CREATE TABLE {SqlIdentifier.Quote(table.Value.Table)} (
                {SqlIdentifier.Quote(c.Id)} TEXT PRIMARY KEY,
                {SqlIdentifier.Quote(c.Status)} TEXT NOT NULL,
                {SqlIdentifier.Quote(c.ErrorMessage)} TEXT,
                {SqlIdentifier.Quote(c.Owner)} TEXT,
                {SqlIdentifier.Quote(c.LogPath)} TEXT,
                {SqlIdentifier.Quote(c.CreatedAt)} TEXT NOT NULL,
                {SqlIdentifier.Quote(c.UpdatedAt)} TEXT NOT NULL);
            """;
    }

    private string InsertSql()
    {
        var c = table.Value.Columns;
        return $"INSERT INTO {SqlIdentifier.Quote(table.Value.Table)} ({SqlIdentifier.Quote(c.Id)}, {SqlIdentifier.Quote(c.Status)}, {SqlIdentifier.Quote(c.ErrorMessage)}, {SqlIdentifier.Quote(c.Owner)}, {SqlIdentifier.Quote(c.CreatedAt)}, {SqlIdentifier.Quote(c.UpdatedAt)}) VALUES (@Id, @Status, @ErrorMessage, @Owner, @CreatedAt, @UpdatedAt)";
    }

    private static DbCommand AddRow(DbCommand insert, DemoJob job) => insert
        .With("Id", job.Id)
        .With("Status", job.Status)
        .With("ErrorMessage", job.ErrorMessage)
        .With("Owner", job.Owner)
        .With("CreatedAt", job.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
        .With("UpdatedAt", job.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
}
