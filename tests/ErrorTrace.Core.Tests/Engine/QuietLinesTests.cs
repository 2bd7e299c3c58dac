using System.Text;
using CsCheck;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>
/// Quiet records taken as a run (LogAnalyzer.QuietLines) must leave every report exactly as reading them line by line
/// does: whatever the lines around them, wherever the chunks end, on every corpus log.
/// </summary>
public class QuietLinesTests
{
    /// <summary>Quiet records and every near miss: other levels and years, a clock without a month, no phase, a phase
    /// with spaces, a logger named like a level, a relayed traceback header, Ray's suffix, ESC, a rank prefix, a
    /// DeepSpeed fraction; and what may come between them.</summary>
    private static readonly string[] s_lines =
    [
        "[2025-12-10 03:58:20] [__main__] [INFO] [SFT] step 10/100 loss=1.234",
        "[2025-12-10 03:58:21] [__main__] [INFO] [Eval] step 11 loss=1.2",
        "[2025-12-11 04:00:00] [lib.training.standalone_trainer] [DEBUG] [Model] rank 3 mem_allocated=10.00GiB",
        "[2025-12-10 03:58:22] [__main__] [INFO] step 12 without a phase",
        "[2025-12-10 03:58:22] [__main__] [INFO] [Rank 0] a bracket that is no phase",
        "[2025-00-10 03:58:23] [__main__] [INFO] [Main] a clock without a month",
        "[2026-01-01 00:00:01] [__main__] [INFO] [SFT] next year",
        "[2025-12-10 03:58:24] [info] [INFO] [SFT] a logger named like a level",
        "[2025-12-10 03:58:24] [] [INFO]",
        "[2025-12-10 03:58:24] [__main__] [INFO] Traceback (most recent call last):",
        "[2025-12-10 03:58:24] [__main__] [INFO] [SFT]  Traceback (most recent call last):",
        "[2025-12-10 03:58:24] [__main__] [DEBUG]   Traceback (most recent call last):",
        "[2025-12-10 03:58:24] [__main__] [INFO] Trace of a step",
        "[2025-12-10 03:58:24] [__main__] [INFO]   File \"/app/train.py\", line 3, in <module>",
        "[2025-12-10 03:58:24] [__main__] [INFO] ValueError: relayed",
        "[2025-12-10 03:58:25] [__main__] [INFO] [SFT] a worker said [repeated 3x across cluster]",
        "[2025-12-10 03:58:25] [__main__] [INFO] [SFT] \u001b[32mcoloured\u001b[0m",
        "[rank1]:[2025-12-10 03:58:26] [__main__] [INFO] [SFT] from rank 1",
        "[2025-12-10 03:58:26,104] [INFO] [engine.py:1245:_configure_optimizer] DeepSpeed",
        "[2025-12-10 03:58:27] [transformers.tokenization_utils_base] [WARNING] [PreTokenize] Token indices sequence length is longer (5000 > 4096)",
        "[2025-12-10 03:58:27] [__main__] [ERROR] [PreTokenize] Cannot use chat template for sample 17: falling back to raw text",
        "[2025-12-10 03:58:28] [__main__] [ERROR] [Main] Training failed with error: CUDA out of memory.",
        "[2025-12-10 03:58:28] [__main__] [ERROR] Full traceback:",
        "[2025-12-10 03:58:28] [__main__] [ERROR]",
        "Traceback (most recent call last):",
        "  File \"/app/train.py\", line 12, in main",
        "    trainer.train()",
        "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB",
        "During handling of the above exception, another exception occurred:",
        "ValueError: bad",
        "",
        "/usr/lib/python3/site-packages/torch/utils/checkpoint.py:61: UserWarning: None of the inputs have requires_grad=True",
        "  warnings.warn(",
        "79%|#######   | 7900/10000 [01:00<02:00, 8.08it/s]\r80%|########  | 8000/10000 [01:01<02:00, 8.08it/s]\r",
        "Killed",
        "E0325 20:57:27.620000 2606 api.py:869] failed (exitcode: -9) local_rank: 0 (pid: 1) of binary: python",
        "2025-12-10T03:58:22.123456789Z stderr P [2025-12-10 03:58:29] [__main__] [INFO] [SFT] a CRI piece",
        "plain output",
    ];

    /// <summary>Mostly quiet records, as in a real log, so long runs form.</summary>
    private static readonly Gen<int> s_index = Gen.Frequency((6, Gen.Int[0, 3]), (4, Gen.Int[0, s_lines.Length - 1]));

    private static readonly Gen<byte[]> s_log = Gen.Select(s_index.Array[0, 80], Gen.Bool).Select((indexes, crlf) =>
        Encoding.UTF8.GetBytes(string.Concat(indexes.Select(i => s_lines[i] + (crlf && i % 3 == 0 ? "\r\n" : "\n")))));

    [Fact]
    public void A_run_of_quiet_records_reads_as_line_by_line() =>
        Gen.Select(s_log, Gen.Int[1, 300]).Sample((log, chunk) =>
        {
            var expected = Report(log, quiet: false, log.Length);
            Assert.Equal(expected, Report(log, quiet: true, log.Length));
            Assert.Equal(expected, Report(log, quiet: true, chunk));
        }, iter: 2_000);

    /// <summary>Every golden and real-log case, whole and in odd chunks.</summary>
    [Fact]
    public void Every_corpus_log_reads_the_same()
    {
        var logs = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.log", SearchOption.AllDirectories);
        Assert.NotEmpty(logs);
        foreach (var path in logs)
        {
            var log = File.ReadAllBytes(path);
            var expected = Report(log, quiet: false, log.Length);
            Assert.Equal(expected, Report(log, quiet: true, log.Length));
            Assert.Equal(expected, Report(log, quiet: true, 4_093));
        }
    }

    [Fact]
    public void A_seed_format_log_reads_the_same_and_keeps_the_last_context()
    {
        var log = new StringBuilder();
        for (var step = 1; step <= 5_000; step++)
        {
            log.Append($"[2025-12-10 03:{step / 600 % 60:00}:{step / 10 % 60:00}] [__main__] [INFO] [{(step % 7 == 0 ? "Eval" : "SFT")}] step {step} loss=1.5\n");
            if (step % 97 == 0) log.Append($"[2025-12-10 03:58:22] [__main__] [ERROR] [PreTokenize] Cannot use chat template for sample {step}: falling back\n");
        }

        log.Append("[2025-12-10 04:00:00] [__main__] [INFO] step 5001 without a phase\n");
        log.Append("[2025-12-10 04:00:01] [__main__] [ERROR] Training failed with error: boom\nTraceback (most recent call last):\n");
        log.Append("  File \"/app/train.py\", line 12, in main\n    trainer.train()\nRuntimeError: boom\n");
        var bytes = Encoding.UTF8.GetBytes(log.ToString());
        var analyzer = new LogAnalyzer();
        analyzer.Append(bytes);
        Assert.InRange(analyzer.QuietLinesTaken, 4_800, 5_001);
        var expected = Report(bytes, quiet: false, bytes.Length);
        Assert.Equal(expected, Report(bytes, quiet: true, bytes.Length));
        Assert.Equal(expected, Report(bytes, quiet: true, 1_000));
        Assert.Contains("\"phase\":\"SFT\"", expected, StringComparison.Ordinal);
    }

    /// <summary>A record after every progress bar (the mixed benchmark log's shape): asking after each record would take
    /// nothing every time, so the asks are spaced out; a run that starts later is still taken.</summary>
    [Fact]
    public void Asks_that_take_nothing_are_spaced_out()
    {
        var log = new StringBuilder();
        for (var step = 1; step <= 1_000; step++)
        {
            log.Append($"\r  {step / 10}%|#  | {step}/1000 [00:01<00:09, 9.9it/s]\n");
            log.Append($"[2025-12-10 03:58:{step % 60:00}] [__main__] [INFO] [SFT] step {step} loss=1.5\n");
        }

        for (var step = 1; step <= 500; step++) log.Append($"[2025-12-10 04:00:{step % 60:00}] [__main__] [INFO] [Eval] step {step}\n");
        var bytes = Encoding.UTF8.GetBytes(log.ToString());
        var analyzer = new LogAnalyzer();
        analyzer.Append(bytes);
        Assert.InRange(analyzer.QuietAsks, 1, 1_000 / 8);
        Assert.InRange(analyzer.QuietLinesTaken, 480, 500);
        Assert.Equal(Report(bytes, quiet: false, bytes.Length), Report(bytes, quiet: true, bytes.Length));
    }

    private static string Report(byte[] log, bool quiet, int chunk)
    {
        var analyzer = new LogAnalyzer { TakesQuietLines = quiet };
        for (var i = 0; i < log.Length; i += chunk) analyzer.Append(log.AsSpan(i, Math.Min(chunk, log.Length - i)));
        analyzer.Complete();
        return ReportJson.Serialize(analyzer.CreateReport(new ReportContext { JobId = "t" }));
    }
}
