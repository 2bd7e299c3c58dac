namespace ErrorTrace.Cli.Tests;

public class TextFormatTests
{
    [Fact]
    public void Text_shows_the_root_cause_exception_type()
    {
        // Depends on the engine finding the traceback.
        using var dir = new TempDir();
        var log = dir.Write("job_9.log", SampleLogs.CudaOom);

        var result = CliRun.Run("analyze", log);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("torch.OutOfMemoryError", result.Stdout);
        Assert.Contains("/app/train.py", result.Stdout);
    }

    [Fact]
    public void Text_shows_the_chain_separator()
    {
        // Depends on the engine finding the chained traceback.
        using var dir = new TempDir();
        var log = dir.Write("job_9.log", SampleLogs.Chained);

        var result = CliRun.Run("analyze", log);

        Assert.Contains("RuntimeError", result.Stdout);
        Assert.Contains("The above exception was the direct cause of the following exception:", result.Stdout);
    }

    [Fact]
    public void Text_has_the_header_whatever_the_engine_finds()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_9.log", SampleLogs.Quiet);

        var result = CliRun.Run("analyze", log, "--summary", "Training [SFT] timed out");

        Assert.Contains("job 9", result.Stdout);
        Assert.Contains("Summary  Training [SFT] timed out", result.Stdout);
    }

    [Fact]
    public void Text_is_plain_in_a_pipe()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_9.log", SampleLogs.CudaOom);

        var result = CliRun.Run("analyze", log);

        Assert.DoesNotContain('\u001b', result.Stdout);
    }

    [Fact]
    public void Text_is_coloured_on_a_terminal()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_9.log", SampleLogs.CudaOom);

        var result = new CliRun { OutputIsTerminal = true }.Invoke("analyze", log);

        Assert.Contains('\u001b', result.Stdout);
    }

    [Fact]
    public void No_color_flag_and_NO_COLOR_turn_colour_off_on_a_terminal()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_9.log", SampleLogs.CudaOom);

        var flag = new CliRun { OutputIsTerminal = true }.Invoke("analyze", log, "--no-color");
        var variable = new CliRun { OutputIsTerminal = true, Variables = { ["NO_COLOR"] = "1" } }.Invoke("analyze", log);

        Assert.DoesNotContain('\u001b', flag.Stdout);
        Assert.DoesNotContain('\u001b', variable.Stdout);
    }
}
