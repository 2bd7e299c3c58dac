using ErrorTrace.Tests.Shared;

namespace ErrorTrace.Cli.Tests;

/// <summary>The CLI redacts by default in every format (a Markdown report goes into a public issue), and shows the log as
/// it is only when asked with --no-redact.</summary>
public sealed class RedactionTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("markdown")]
    public void Every_format_masks_the_secrets_catalogue(string format)
    {
        var log = _dir.Write("job_secrets.log", SecretCatalogue.Log());
        var result = CliRun.Run("analyze", log, "--format", format, "--no-color", "--summary", SecretCatalogue.OneLine());
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(SecretCatalogue.Survivors(result.Stdout));
        Assert.DoesNotContain("sk-proj-Q1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[REDACTED", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void No_redact_shows_the_log_as_it_is()
    {
        var log = _dir.Write("job_secrets.log", SecretCatalogue.Log());
        var result = CliRun.Run("analyze", log, "--format", "json", "--no-redact");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("MY_DB_PASSWORD=pw7", result.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
