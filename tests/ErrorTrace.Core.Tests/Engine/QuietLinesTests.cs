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
    /// <summary>Mostly quiet records, as in a real log, so long runs form; their near misses and what may come between
    /// them (<see cref="LogLineCatalogue"/>).</summary>
    private static readonly Gen<byte[]> s_log = LogLineCatalogue.Logs(maxLines: 80, quietWeight: 6);

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

    /// <summary>Runs of quiet records between progress bars and warnings (the seed format's shape): a run may start after
    /// any line, so every record is taken in a run, none read line by line.</summary>
    [Fact]
    public void A_run_starts_after_any_line()
    {
        var log = new StringBuilder();
        for (var step = 1; step <= 1_000; step++)
        {
            log.Append($"\r  {step / 10}%|#  | {step}/1000 [00:01<00:09, 9.9it/s]\n");
            for (var k = 0; k < 3; k++) log.Append($"[2025-12-10 03:58:{step % 60:00}] [__main__] [INFO] [SFT] step {step} loss=1.{k}\n");
            if (step % 10 == 0) log.Append($"[2025-12-10 03:58:{step % 60:00}] [__main__] [WARNING] [SFT] slow step {step}\n");
        }

        var bytes = Encoding.UTF8.GetBytes(log.ToString());
        var analyzer = new LogAnalyzer();
        analyzer.Append(bytes);
        Assert.InRange(analyzer.QuietLinesTaken, 2_990, 3_000);
        Assert.Equal(Report(bytes, quiet: false, bytes.Length), Report(bytes, quiet: true, bytes.Length));
    }

    /// <summary>Single records between progress bars (the mixed benchmark log's shape): a one-line run saves nothing, so
    /// the records are read line by line and asks after the bars stop.</summary>
    [Fact]
    public void Single_records_between_bars_are_read_line_by_line()
    {
        var log = new StringBuilder();
        for (var step = 1; step <= 1_000; step++)
        {
            log.Append($"\r  {step / 10}%|#  | {step}/1000 [00:01<00:09, 9.9it/s]\n");
            log.Append($"[2025-12-10 03:58:{step % 60:00}] [__main__] [INFO] [SFT] step {step} loss=1.5\n");
        }

        var bytes = Encoding.UTF8.GetBytes(log.ToString());
        var analyzer = new LogAnalyzer();
        analyzer.Append(bytes);
        Assert.InRange(analyzer.QuietAsks, 1, 1_000 / 8);
        Assert.Equal(Report(bytes, quiet: false, bytes.Length), Report(bytes, quiet: true, bytes.Length));
    }

    /// <summary>Lines that are never quiet (here rank-prefixed records between progress bars): asking after each would
    /// take nothing every time, so the asks are spaced out; a run that starts later is still taken.</summary>
    [Fact]
    public void Asks_that_take_nothing_are_spaced_out()
    {
        var log = new StringBuilder();
        for (var step = 1; step <= 1_000; step++)
        {
            log.Append($"\r  {step / 10}%|#  | {step}/1000 [00:01<00:09, 9.9it/s]\n");
            log.Append($"[rank0]: [2025-12-10 03:58:{step % 60:00}] [__main__] [INFO] [SFT] step {step} loss=1.5\n");
        }

        for (var step = 1; step <= 500; step++) log.Append($"[2025-12-10 04:00:{step % 60:00}] [__main__] [INFO] [Eval] step {step}\n");
        var bytes = Encoding.UTF8.GetBytes(log.ToString());
        var analyzer = new LogAnalyzer();
        analyzer.Append(bytes);
        Assert.InRange(analyzer.QuietAsks, 1, 2_000 / 8);
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
