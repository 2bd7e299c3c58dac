namespace ErrorTrace.Cli.Tests;

public class MarkdownFormatTests
{
    [Fact]
    public void Markdown_has_the_traceback_in_a_pytb_fence()
    {
        // Depends on the engine finding the traceback.
        using var dir = new TempDir();
        var log = dir.Write("job_5.log", SampleLogs.CudaOom);

        var result = CliRun.Run("analyze", log, "--format", "markdown");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("## errortrace: job `5`", result.Stdout);
        var fence = result.Stdout.IndexOf("```pytb\n", StringComparison.Ordinal);
        Assert.True(fence >= 0, result.Stdout);
        var block = result.Stdout[fence..];
        Assert.Contains("torch.OutOfMemoryError: CUDA out of memory", block[..block.IndexOf("\n```\n", StringComparison.Ordinal)]);
    }

    [Fact]
    public void Markdown_escapes_pipes_in_table_cells()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_5.log", SampleLogs.Quiet);

        var result = CliRun.Run("analyze", log, "--format", "markdown", "--summary", "exit 1 | OOM");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("| Summary | exit 1 \\| OOM |", result.Stdout);
        Assert.Contains("| Field | Value |", result.Stdout);
    }

    [Fact]
    public void Markdown_is_never_coloured()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_5.log", SampleLogs.CudaOom);

        var result = new CliRun { OutputIsTerminal = true }.Invoke("analyze", log, "--format", "markdown");

        Assert.DoesNotContain('\u001b', result.Stdout);
    }
}
