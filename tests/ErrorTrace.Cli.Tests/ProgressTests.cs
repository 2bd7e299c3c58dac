using System.Text.Json;

namespace ErrorTrace.Cli.Tests;

public class ProgressTests
{
    [Fact]
    public void Big_log_on_a_terminal_draws_progress_on_stderr_and_keeps_stdout_clean()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_1.log", SampleLogs.CudaOom);

        var result = new CliRun { ErrorIsTerminal = true, ProgressThresholdBytes = 1 }.Invoke("analyze", log, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotEqual("", result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
    }

    [Fact]
    public void No_progress_when_stderr_is_a_pipe()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_1.log", SampleLogs.CudaOom);

        var result = new CliRun { ErrorIsTerminal = false, ProgressThresholdBytes = 1 }.Invoke("analyze", log, "--format", "json");

        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void No_progress_for_small_logs()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_1.log", SampleLogs.CudaOom);

        var result = new CliRun { ErrorIsTerminal = true }.Invoke("analyze", log, "--format", "json");

        Assert.Equal("", result.Stderr);
    }
}
