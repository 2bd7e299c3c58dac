using System.Diagnostics;
using ErrorTrace.Tests.Shared;

namespace ErrorTrace.Server.Tests;

/// <summary>The service with logs an unlucky or hostile deployment has: one about to be swapped for a link out, a FIFO,
/// one about to be rewritten in place, and one full of secrets.</summary>
public sealed class FaultFixture : IDisposable
{
    public const string OutsideMarker = "OUTSIDE-THE-LOGS-DIRECTORY-7f3a";

    public FaultFixture()
    {
        var t = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Server = new ServerFixture(
            [
                new("swap1", "failed", "exit 1", "alice", t),
                new("fifo1", "failed", "exit 1", "alice", t.AddMinutes(1)),
                new("rewrite1", "failed", "exit 1", "alice", t.AddMinutes(2)),
                new("secrets1", "failed", SecretCatalogue.OneLine(), "alice", t.AddMinutes(3)),
                new("ranks1", "running", null, "alice", t.AddMinutes(4)),
            ],
            []);
        File.WriteAllText(Path.Combine(Server.Outside, "outside.log"), $"[2025-12-10 03:58:22] [x] [ERROR] [Main] {OutsideMarker}\n");
        File.WriteAllText(Path.Combine(Server.LogsDir, "job_swap1.log"), SampleLogs.Running);
        File.WriteAllText(Path.Combine(Server.LogsDir, "job_rewrite1.log"), SampleLogs.Running);
        File.WriteAllText(Path.Combine(Server.LogsDir, "job_secrets1.log"), SecretCatalogue.Log());
        using var mkfifo = Process.Start("mkfifo", Path.Combine(Server.LogsDir, "job_fifo1.log"));
        mkfifo.WaitForExit();
    }

    public ServerFixture Server { get; }

    public void Dispose() => Server.Dispose();
}
