using System.Net;
using System.Net.Sockets;

namespace ErrorTrace.Cli.Tests;

/// <summary>A second <c>serve</c> on a taken port, or with an invalid setting: one line that says what to do, the usage
/// exit code, no stack trace and no "internal error".</summary>
public sealed class ServeStartupTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public void A_port_in_use_is_one_clear_line_and_the_usage_exit_code()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = CliRun.Run("serve", "--urls", $"http://127.0.0.1:{port}", "--data-dir", _dir.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"127.0.0.1:{port} is in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_setting_is_refused_at_start_with_one_line()
    {
        var result = CliRun.Run("serve", "--urls", "http://127.0.0.1:0", "--data-dir", _dir.Path, "--Cache:SizeLimitBytes=5");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Cache:SizeLimitBytes", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
