using System.Data.Common;
using ErrorTrace.Server.Data;

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
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE {table} ({c["Id"]} TEXT PRIMARY KEY, {c["Status"]} TEXT NOT NULL, {c["ErrorMessage"]} TEXT, {c["Owner"]} TEXT, {c["LogPath"]} TEXT, {c["CreatedAt"]} {timestampType}, {c["UpdatedAt"]} {timestampType})";
            create.ExecuteNonQuery();
        }

        foreach (var job in jobs)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO {table} ({c["Id"]}, {c["Status"]}, {c["ErrorMessage"]}, {c["Owner"]}, {c["LogPath"]}, {c["CreatedAt"]}, {c["UpdatedAt"]}) VALUES (@Id, @Status, @ErrorMessage, @Owner, @LogPath, @CreatedAt, @UpdatedAt)";
            insert.With("Id", job.Id).With("Status", job.Status).With("ErrorMessage", job.ErrorMessage).With("Owner", job.Owner)
                .With("LogPath", job.LogPath);
            // Typed by the provider from the value: a UTC DateTime is text on SQLite and timestamptz on PostgreSQL.
            Add(insert, "CreatedAt", job.CreatedAt);
            Add(insert, "UpdatedAt", job.CreatedAt);
            insert.ExecuteNonQuery();
        }
    }

    private static void Add(DbCommand command, string name, DateTime value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
