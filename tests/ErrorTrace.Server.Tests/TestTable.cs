using System.Data.Common;
using Dapper;

namespace ErrorTrace.Server.Tests;

/// <summary>Creates a jobs table and fills it, with the default column names or deliberately different ones (to prove
/// the configured mapping is used). Plain SQL that SQLite and PostgreSQL both accept.</summary>
public static class TestTable
{
    public static readonly Dictionary<string, string> MappedColumns = new()
    {
        ["Id"] = "job_uid",
        ["Status"] = "state",
        ["ErrorMessage"] = "message",
        ["Owner"] = "user_name",
        ["LogPath"] = "log_file",
        ["CreatedAt"] = "created",
        ["UpdatedAt"] = "updated",
    };

    public static readonly Dictionary<string, string> DefaultColumns = new()
    {
        ["Id"] = "id",
        ["Status"] = "status",
        ["ErrorMessage"] = "error_message",
        ["Owner"] = "owner",
        ["LogPath"] = "log_path",
        ["CreatedAt"] = "created_at",
        ["UpdatedAt"] = "updated_at",
    };

    public static void Create(DbConnection connection, string table, Dictionary<string, string> c, IEnumerable<TestJob> jobs, string timestampType = "TEXT")
    {
        connection.Execute($"CREATE TABLE {table} ({c["Id"]} TEXT PRIMARY KEY, {c["Status"]} TEXT NOT NULL, {c["ErrorMessage"]} TEXT, {c["Owner"]} TEXT, {c["LogPath"]} TEXT, {c["CreatedAt"]} {timestampType}, {c["UpdatedAt"]} {timestampType})");
        foreach (var job in jobs)
        {
            connection.Execute(
                $"INSERT INTO {table} ({c["Id"]}, {c["Status"]}, {c["ErrorMessage"]}, {c["Owner"]}, {c["LogPath"]}, {c["CreatedAt"]}, {c["UpdatedAt"]}) VALUES (@Id, @Status, @ErrorMessage, @Owner, @LogPath, @CreatedAt, @CreatedAt)",
                new { job.Id, job.Status, job.ErrorMessage, job.Owner, job.LogPath, job.CreatedAt });
        }
    }
}
