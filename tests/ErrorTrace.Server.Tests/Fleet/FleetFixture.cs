using ErrorTrace.Server.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ErrorTrace.Server.Tests.Fleet;

/// <summary>
/// The service over a real SQLite jobs table with the indexer polling every 50 ms, its store in the data directory, and
/// the webhook pointed at a local receiver. Jobs failed minutes ago (news for the webhook): alice's CUDA OOM at two
/// sizes and a KeyError, bob's CUDA OOM, and bob's host OOM on node-3.
/// </summary>
public sealed class FleetFixture : WebApplicationFactory<Program>
{
    public const string AdminToken = "fleet-admin-token-0123456789";
    public const string AliceToken = "fleet-alice-token-0123456789";
    public const string BobToken = "fleet-bob-token-0123456789";

    /// <summary>A burst is announced at this many jobs of one signature within the window.</summary>
    public const int BurstJobs = 4;

    private readonly TempDir _dir = new();
    private readonly Dictionary<string, string> _settings = [];

    public FleetFixture()
    {
        Directory.CreateDirectory(LogsDir);
        var now = DateTime.UtcNow;
        TestJob[] jobs =
        [
            Job("oom-a1", "alice", FleetLogs.CudaOom("20.00 MiB"), now.AddMinutes(-9)),
            Job("oom-a2", "alice", FleetLogs.CudaOom("2.00 GiB"), now.AddMinutes(-8)),
            Job("oom-b1", "bob", FleetLogs.CudaOom("768.00 MiB"), now.AddMinutes(-7)),
            Job("key-a1", "alice", FleetLogs.KeyError("labels"), now.AddMinutes(-6)),
            Job("hostoom-b1", "bob", FleetLogs.HostOom("node-3"), now.AddMinutes(-5)),
            new("done-a1", "completed", null, "alice", now.AddMinutes(-4)),
        ];
        using (var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False"))
        {
            connection.Open();
            TestTable.Create(connection, "training_jobs", TestTable.DefaultColumns, jobs);
        }

        _settings["Database:ConnectionString"] = $"Data Source={DatabaseFile}";
        _settings["Paths:DataDir"] = _dir.Combine("data");
        _settings["Paths:LogsDir"] = LogsDir;
        _settings["Demo:Enabled"] = "false";
        _settings["Fleet:PollSeconds"] = "0.05";
        _settings["Notify:WebhookUrl"] = Receiver.Url;
        _settings["Notify:BurstJobs"] = BurstJobs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _settings["Notify:PanelUrl"] = "https://errortrace.example.com";
        Token(0, AdminToken, owner: null, admin: true);
        Token(1, AliceToken, owner: "alice", admin: false);
        Token(2, BobToken, owner: "bob", admin: false);
    }

    public WebhookReceiver Receiver { get; } = new();

    public string LogsDir => _dir.Combine("logs");

    public string DatabaseFile => _dir.Combine("jobs.db");

    public HttpClient ClientWith(string? token)
    {
        var client = CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>A file outside the logs directory.</summary>
    public string OutsideFile(string name, string text)
    {
        var path = _dir.Combine(name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A job that fails while the service runs: its log (or a symbolic link to <paramref name="linkTo"/>), then
    /// its row (as a platform would write them).</summary>
    public void AddFailedJob(string id, string owner, string? log, DateTime updatedAt, string? linkTo = null)
    {
        var path = Path.Combine(LogsDir, $"job_{id}.log");
        if (linkTo is not null) File.CreateSymbolicLink(path, linkTo);
        else File.WriteAllText(path, log ?? "");
        using var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        connection.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO training_jobs (id, status, error_message, owner, created_at, updated_at) VALUES ($id, 'failed', 'Training process exited with code 1', $owner, $at, $at)";
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$owner", owner);
        insert.Parameters.AddWithValue("$at", updatedAt);
        insert.ExecuteNonQuery();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Production");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Receiver.Dispose();
        _dir.Dispose();
    }

    private TestJob Job(string id, string owner, string log, DateTime at)
    {
        File.WriteAllText(Path.Combine(LogsDir, $"job_{id}.log"), log);
        return new TestJob(id, "failed", "Training process exited with code 1", owner, at);
    }

    private void Token(int index, string token, string? owner, bool admin)
    {
        _settings[$"Auth:Tokens:{index}:Name"] = "t" + index;
        _settings[$"Auth:Tokens:{index}:Sha256"] = TokenTable.Hash(token);
        if (owner is not null) _settings[$"Auth:Tokens:{index}:Owner"] = owner;
        _settings[$"Auth:Tokens:{index}:Admin"] = admin ? "true" : "false";
    }
}
