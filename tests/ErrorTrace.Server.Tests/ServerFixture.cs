using ErrorTrace.Server.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ErrorTrace.Server.Tests;

/// <summary>The service over a real SQLite file and real logs, with three real tokens: admin, alice and bob.</summary>
public sealed class ServerFixture : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-admin-token-0123456789";
    public const string AliceToken = "test-alice-token-0123456789";
    public const string BobToken = "test-bob-token-0123456789";

    private readonly TempDir _dir = new();
    private readonly Dictionary<string, string?> _settings = [];

    public ServerFixture()
        : this([], [])
    {
    }

    /// <summary>The same service with more jobs in its table (their logs written by the caller) and settings of its own.</summary>
    internal ServerFixture(IEnumerable<TestJob> extraJobs, IEnumerable<(string Key, string Value)> settings)
    {
        ArgumentNullException.ThrowIfNull(extraJobs);
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(LogsDir);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Outside, "secret.log"), SampleLogs.CudaOom);
        File.WriteAllText(Path.Combine(LogsDir, "job_oom1.log"), SampleLogs.CudaOom);
        File.WriteAllText(Path.Combine(LogsDir, "job_run1.log"), SampleLogs.Running);
        File.WriteAllText(Path.Combine(LogsDir, "job_done1.log"), SampleLogs.Running);
        File.WriteAllText(Path.Combine(LogsDir, "job_grow1.log"), SampleLogs.Running);
        File.WriteAllText(Path.Combine(LogsDir, "job_bob1.log"), SampleLogs.CudaOom);
        File.CreateSymbolicLink(Path.Combine(LogsDir, "job_link1.log"), Path.Combine(Outside, "secret.log"));
        Directory.CreateSymbolicLink(Path.Combine(LogsDir, "subdir-out"), Outside);
        var t = new DateTime(2025, 12, 10, 0, 0, 0, DateTimeKind.Utc);
        TestJob[] jobs =
        [
            new("oom1", "failed", "Training process exited with code 1", "alice", t.AddHours(1)),
            new("run1", "running", null, "alice", t.AddHours(2)),
            new("done1", "completed", null, "alice", t.AddHours(3)),
            new("cancel1", "cancelled", "Cancelled by user", "alice", t.AddHours(4)),
            new("nolog1", "failed", "Training timed out - no progress updates for 30 minutes", "alice", t.AddHours(5)),
            new("grow1", "running", null, "alice", t.AddHours(6)),
            new("bob1", "failed", "Training process exited with code 1", "bob", t.AddHours(7)),
            new("link1", "failed", "exit 1", "alice", t.AddHours(8)),
            new("dotdot1", "failed", "exit 1", "alice", t.AddHours(9), "../outside/secret.log"),
            new("abs1", "failed", "exit 1", "alice", t.AddHours(10), Path.Combine(Outside, "secret.log")),
            new("absin1", "failed", "exit 1", "alice", t.AddHours(11), Path.Combine(LogsDir, "job_oom1.log")),
            new("subdir1", "failed", "exit 1", "alice", t.AddHours(12), "subdir-out/secret.log"),
            new("enc1", "failed", "exit 1", "alice", t.AddHours(13), "..%2Foutside%2Fsecret.log"),
            .. extraJobs,
        ];
        using (var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False"))
        {
            connection.Open();
            TestTable.Create(connection, "training_jobs", TestTable.DefaultColumns, jobs);
        }

        Set("Database:ConnectionString", $"Data Source={DatabaseFile}");
        Set("Paths:DataDir", _dir.Combine("data"));
        Set("Paths:LogsDir", LogsDir);
        Set("Demo:Enabled", "false");
        Token(0, "admin", AdminToken, owner: null, admin: true);
        Token(1, "alice", AliceToken, owner: "alice", admin: false);
        Token(2, "bob", BobToken, owner: "bob", admin: false);
        foreach (var (key, value) in settings) Set(key, value);
    }

    public string LogsDir => _dir.Combine("logs");

    public string Outside => _dir.Combine("outside");

    public string DatabaseFile => _dir.Combine("jobs.db");

    public HttpClient ClientWith(string? token)
    {
        var client = CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>A second service over the same files with some settings changed.</summary>
    public WebApplicationFactory<Program> With(params (string Key, string Value)[] settings) =>
        WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Production");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _dir.Dispose();
    }

    private void Set(string key, string value) => _settings[key] = value;

    private void Token(int index, string name, string token, string? owner, bool admin)
    {
        Set($"Auth:Tokens:{index}:Name", name);
        Set($"Auth:Tokens:{index}:Sha256", TokenTable.Hash(token));
        if (owner is not null) Set($"Auth:Tokens:{index}:Owner", owner);
        Set($"Auth:Tokens:{index}:Admin", admin ? "true" : "false");
    }
}
