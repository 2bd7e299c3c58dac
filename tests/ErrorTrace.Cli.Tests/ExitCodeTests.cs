using ErrorTrace.Cli;

namespace ErrorTrace.Cli.Tests;

public class ExitCodeTests
{
    [Theory]
    [InlineData("")]
    [InlineData("analyze")]
    [InlineData("analyze x.log --format yaml")]
    [InlineData("analyze x.log --bogus")]
    [InlineData("analyze x.log --status exploded")]
    [InlineData("analyze x.log --timezone Mars/Olympus_Mons")]
    [InlineData("analyze a.log b.log --job-id 7")]
    [InlineData("analyze - -")]
    [InlineData("frobnicate")]
    public void Bad_usage_exits_2_with_a_hint_on_stderr(string commandLine)
    {
        var result = CliRun.Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Contains("--help", result.Stderr);
    }

    [Fact]
    public void Missing_input_exits_3_and_says_what_to_do()
    {
        using var dir = new TempDir();

        var result = CliRun.Run("analyze", dir.Combine("job_1.log"));

        Assert.True(result.ExitCode == ExitCodes.InputNotFound, result.ToString());
        Assert.Contains("no such file", result.Stderr);
        Assert.Contains("job_1.log", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr); // never a .NET stack trace
    }

    [Fact]
    public void A_directory_as_input_exits_4()
    {
        using var dir = new TempDir();

        var result = CliRun.Run("analyze", dir.Path);

        Assert.True(result.ExitCode == ExitCodes.InputUnreadable, result.ToString());
        Assert.Contains("is a directory", result.Stderr);
    }

    [Fact]
    public void Corrupt_gzip_exits_4()
    {
        using var dir = new TempDir();
        var path = dir.Combine("job_1.log.gz");
        // A valid gzip header, then a deflate block of the reserved type 3: invalid data, not just a short file.
        File.WriteAllBytes(path, [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xFF, 0xFF, 0xFF, 0xFF]);

        var result = CliRun.Run("analyze", path);

        Assert.True(result.ExitCode == ExitCodes.InputUnreadable, result.ToString());
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void Unwritable_output_exits_4()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_1.log", SampleLogs.Quiet);

        var result = CliRun.Run("analyze", log, "--output", dir.Combine("no/such/dir/out.txt"));

        Assert.True(result.ExitCode == ExitCodes.InputUnreadable, result.ToString());
        Assert.Contains("cannot write", result.Stderr);
    }

    [Fact]
    public void Invalid_rules_file_exits_5()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_1.log", SampleLogs.Quiet);
        var rules = dir.Write("rules.json", "{ this is not json");

        var result = CliRun.Run("analyze", log, "--rules", rules);

        Assert.True(result.ExitCode == ExitCodes.BadRules, result.ToString());
        Assert.Contains("rules.json", result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void Missing_rules_file_exits_5()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_1.log", SampleLogs.Quiet);

        var result = CliRun.Run("analyze", log, "--rules", dir.Combine("missing.json"));

        Assert.True(result.ExitCode == ExitCodes.BadRules, result.ToString());
        Assert.Contains("rules file not found", result.Stderr);
    }

    [Fact]
    public void Serve_checks_its_rules_file_like_analyze_before_starting()
    {
        using var dir = new TempDir();
        var rules = dir.Write("rules.json", "{ this is not json");

        var result = CliRun.Run("serve", "--rules", rules);

        Assert.True(result.ExitCode == ExitCodes.BadRules, result.ToString());
        Assert.Contains("bad rules file", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void A_missing_file_among_several_does_not_stop_the_others()
    {
        using var dir = new TempDir();
        var good = dir.Write("job_1.log", SampleLogs.Quiet);

        var result = CliRun.Run("analyze", dir.Combine("job_2.log"), good, "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.InputNotFound, result.ToString());
        Assert.Contains("\"job_id\":\"1\"", result.Stdout);
    }

    [Fact]
    public void Analysing_a_log_exits_0_whatever_it_contains()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_1.log", SampleLogs.CudaOom);

        var result = CliRun.Run("analyze", log);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Ctrl_c_exits_130_without_a_partial_report()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_1.log", SampleLogs.CudaOom);

        var result = new CliRun { Cancellation = new CancellationToken(canceled: true) }.Invoke("analyze", log, log, "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Interrupted, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal("errortrace: interrupted.\n", result.Stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("analyze --help")]
    public void Help_documents_the_exit_codes(string commandLine)
    {
        var result = CliRun.Run(commandLine.Split(' '));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("Exit codes:", result.Stdout);
        foreach (var (code, meaning) in ExitCodes.Descriptions) Assert.Contains($"{code}  {meaning}", result.Stdout);
    }
}
