using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ErrorTrace.Panel.Tests;

/// <summary>Failed jobs whose logs are real ones from the corpus (as posted in public issues), added to the demo database
/// beside the built-in demo jobs: the panel is judged on what users' jobs print, not only on the demo's tidy logs.</summary>
public static class RealLogJobs
{
    /// <summary>Job id → corpus case: a CUDA OOM in backward, an import error chained into a RuntimeError, a host OOM kill
    /// glued to a progress bar, a rank-prefixed NCCL failure, a watchdog timeout with a C++ stack, a user's NameError, an LSF
    /// job file that collected five runs.</summary>
    public static readonly IReadOnlyDictionary<string, string> Cases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["real-oom-backward"] = "llamafactory-4263-oom-checkpoint-backward",
        ["real-flash-attn-import"] = "llm-dojo-35-flash-attn-undefined-symbol",
        ["real-killed-loading-shards"] = "chatglm2-520-exitcode-9-loading-shards",
        ["real-nccl-rank-prefixed"] = "nccl-1928-remote-error-ofi-rank-prefixed",
        ["real-watchdog-allgather"] = "sglang-1693-watchdog-allgather-c10-stack",
        ["real-nameerror-chain"] = "trainner-32-nameerror-log-dir-chain",
        ["real-multi-run-lsf"] = "ml-health-lsf-three-runs-sentencepiece-missing",
    };

    /// <summary>The corpus logs, copied beside the tests by the project file.</summary>
    public static string CorpusDir { get; } = Path.Combine(AppContext.BaseDirectory, "RealLogs");

    public static void Seed(string dataDir)
    {
        var now = DateTime.UtcNow;
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "errortrace.db")};Pooling=False");
        connection.Open();
        var i = 0;
        foreach (var (id, slug) in Cases)
        {
            File.Copy(Path.Combine(CorpusDir, slug + ".log"), Path.Combine(dataDir, "logs", $"job_{id}.log"), overwrite: true);
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO training_jobs (id, status, error_message, owner, created_at, updated_at) VALUES ($id, 'failed', 'Training process exited with code 1', 'bob', $t, $t)";
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$t", now.AddMinutes(-90 - i++).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
        }
    }
}
