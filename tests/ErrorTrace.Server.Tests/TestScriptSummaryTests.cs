using System.Diagnostics;

namespace ErrorTrace.Server.Tests;

/// <summary>
/// Issue 13, row 14: <c>scripts/test.sh</c> said "N passed, 0 failed" while the PostgreSQL and browser tests skipped
/// silently. Runs the script's own counting (its <c>tally</c> and <c>run_dotnet_tests</c> functions and its final summary
/// line, read from the script) over a test platform summary with skips, with a stand-in for <c>dotnet</c>.
/// </summary>
public sealed class TestScriptSummaryTests
{
    /// <summary>What Microsoft.Testing.Platform prints at the end of a run with skipped tests.</summary>
    private const string PlatformSummary = """
        Test run summary: Passed!
          total: 12
          failed: 0
          succeeded: 9
          skipped: 3
          duration: 1s 200ms
        """;

    [Fact]
    public async Task The_summary_line_counts_skipped_tests()
    {
        var script = File.ReadAllLines(RepositoryFiles.Path("scripts", "test.sh"));
        var summary = script.Last(line => line.StartsWith("echo \"$passed passed", StringComparison.Ordinal));
        var harness = string.Join('\n',
            "set -uo pipefail",
            $"dotnet() {{ printf '%s\\n' '{PlatformSummary.Replace("'", "'\\''", StringComparison.Ordinal)}'; }}",
            Function(script, "tally"),
            Function(script, "run_dotnet_tests"),
            "log=$(mktemp); passed=0; failed=0; skipped=0; status=0",
            "run_dotnet_tests --project tests/Some.Tests --no-build >/dev/null",
            "rm -f \"$log\"",
            summary);

        var output = await BashAsync(harness);

        Assert.Equal("9 passed, 0 failed, 3 skipped", output.Trim());
    }

    /// <summary>A shell function's lines, from its <c>name() {</c> line to the first line that is <c>}</c>.</summary>
    private static string Function(string[] script, string name)
    {
        var start = Array.FindIndex(script, line => line.StartsWith(name + "() {", StringComparison.Ordinal));
        Assert.True(start >= 0, $"scripts/test.sh has no function {name}");
        var end = Array.FindIndex(script, start, line => line == "}");
        return string.Join('\n', script[start..(end + 1)]);
    }

    private static async Task<string> BashAsync(string program)
    {
        var ct = TestContext.Current.CancellationToken;
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(program);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, stderr);
        return await stdout;
    }
}
