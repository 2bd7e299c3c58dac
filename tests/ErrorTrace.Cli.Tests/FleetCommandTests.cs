using System.Text.Json;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Fleet;
using ErrorTrace.Core.Input;

namespace ErrorTrace.Cli.Tests;

/// <summary><c>errortrace fleet</c> over the real-log corpus and over small logs whose grouping is known.</summary>
public sealed class FleetCommandTests : IDisposable
{
    private const string Torch = "/usr/local/lib/python3.11/site-packages/torch";

    private readonly TempDir _dir = new();

    /// <summary>tests/ErrorTrace.Core.Tests/Corpus/real in the source tree.</summary>
    private static string Corpus
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "errortrace.slnx"))) directory = directory.Parent;
            Assert.NotNull(directory);
            return Path.Combine(directory.FullName, "tests", "ErrorTrace.Core.Tests", "Corpus", "real");
        }
    }

    private static string Oom(string size) => $"""
        Traceback (most recent call last):
          File "/opt/trainer/train.py", line 120, in training_step
            loss = model(**batch).loss
          File "{Torch}/nn/modules/module.py", line 1751, in _wrapped_call_impl
            return self._call_impl(*args, **kwargs)
        torch.OutOfMemoryError: CUDA out of memory. Tried to allocate {size}. GPU 0 has a total capacity of 79.15 GiB of which 1.12 GiB is free.
        """;

    [Fact]
    public void The_corpus_folder_groups_into_the_apis_shape()
    {
        var result = CliRun.Run("fleet", Corpus, "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var list = JsonDocument.Parse(result.Stdout).RootElement;
        var groups = list.GetProperty("signatures").EnumerateArray().ToList();
        Assert.Equal(list.GetProperty("total").GetInt64(), groups.Count);
        Assert.Equal(list.GetProperty("job_count").GetInt64(), groups.Sum(g => g.GetProperty("job_count").GetInt64()));
        var logs = Directory.GetFiles(Corpus, "*.log");
        Assert.InRange(list.GetProperty("job_count").GetInt64(), logs.Length / 2, logs.Length);
        // Most jobs first, and real logs from different projects do share failures.
        var counts = groups.Select(g => g.GetProperty("job_count").GetInt64()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.True(counts[0] >= 2);
        foreach (var group in groups)
        {
            Assert.True(FailureSignatures.IsValidId(group.GetProperty("signature").GetString()));
            foreach (var name in new[] { "category", "exception_type", "title", "first_seen", "last_seen", "hosts", "jobs", "days" })
                Assert.True(group.TryGetProperty(name, out _), name);
        }

        // The signature of a job is the library's, for the same log.
        var first = groups[0].GetProperty("jobs")[0].GetProperty("job_id").GetString()!;
        var report = LogFile.Analyze(Path.Combine(Corpus, first + ".log"), AnalysisOptions.Default, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(FailureSignatures.For(report).Id, groups[0].GetProperty("signature").GetString());
    }

    [Fact]
    public void Same_failure_at_other_sizes_is_one_row_in_every_format()
    {
        File.WriteAllText(_dir.Combine("job_a.log"), Oom("20.00 MiB"));
        Directory.CreateDirectory(_dir.Combine("more"));
        File.WriteAllText(Path.Combine(_dir.Path, "more", "run-b.log"), Oom("2.00 GiB"));
        File.WriteAllText(_dir.Combine("ok.log"), "[2025-12-10 03:58:20] [__main__] [INFO] [SFT] Training completed\n");
        File.WriteAllText(_dir.Combine("notes.txt"), Oom("1.00 GiB"));

        var json = CliRun.Run("fleet", _dir.Path, "--format", "json", "-j", "2");
        Assert.Equal(0, json.ExitCode);
        var list = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal(1, list.GetProperty("total").GetInt64());
        var group = list.GetProperty("signatures")[0];
        Assert.Equal(2, group.GetProperty("job_count").GetInt64());
        Assert.Equal(["a", "run-b"], group.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("job_id").GetString()).Order());

        var text = CliRun.Run("fleet", _dir.Path, "--no-color");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("2 of 3 logs failed, of 1 different failures.", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("OutOfMemoryError: CUDA out of memory.", text.Stdout, StringComparison.Ordinal);

        var markdown = CliRun.Run("fleet", _dir.Path, "--format", "markdown");
        Assert.Contains("| 2 | `oom_training` | OutOfMemoryError: CUDA out of memory.<br>`oom_training-", markdown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_reported_after_the_others_are_grouped()
    {
        File.WriteAllText(_dir.Combine("job_a.log"), Oom("20.00 MiB"));
        var result = CliRun.Run("fleet", _dir.Combine("job_a.log"), _dir.Combine("nope"), "--format", "json");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("nope: no such file or directory", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("job_count").GetInt64());
    }

    [Fact]
    public void A_progress_bar_on_a_terminal_leaves_stdout_clean()
    {
        File.WriteAllText(_dir.Combine("job_a.log"), Oom("20.00 MiB"));
        File.WriteAllText(_dir.Combine("job_b.log"), Oom("1.00 GiB"));
        var result = new CliRun { ErrorIsTerminal = true }.Invoke("fleet", _dir.Path, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("job_count").GetInt64());
    }

    public void Dispose() => _dir.Dispose();
}
