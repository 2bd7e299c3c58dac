using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Logs;
using ErrorTrace.Server.Options;
using ErrorTrace.Server.Reports;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Tests;

/// <summary>The published report: reused byte for byte while the row and the file are unchanged, and never once
/// either changes.</summary>
public sealed class ReportServiceTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly AnalysisCache _cache = new(Microsoft.Extensions.Options.Options.Create(new CacheOptions()));
    private readonly ReportService _reports;

    public ReportServiceTests()
    {
        Directory.CreateDirectory(_dir.Combine("logs"));
        File.WriteAllText(LogFile, SampleLogs.Running);
        var paths = new ServicePaths(
            Microsoft.Extensions.Options.Options.Create(new PathsOptions { DataDir = _dir.Combine("data"), LogsDir = _dir.Combine("logs") }),
            Microsoft.Extensions.Options.Options.Create(new DatabaseOptions()),
            Microsoft.Extensions.Options.Options.Create(new DemoOptions()));
        _reports = new ReportService(_cache, new LogLocator(paths));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string LogFile => _dir.Combine("logs", "job_j1.log");

    [Fact]
    public async Task An_unchanged_job_and_file_get_the_same_report_without_the_gate()
    {
        var job = new JobRecord { Id = "j1", Status = "failed", ErrorMessage = "exit 1" };
        var first = await _reports.GetAsync(job, scan: false, Ct);
        var gate = _cache.GetOrAdd("j1").Gate;
        await gate.WaitAsync(Ct);
        try
        {
            // The gate is held (as by a request parsing the log): an unchanged report is still answered.
            Assert.Same(first, await _reports.GetAsync(job, scan: false, Ct));
        }
        finally
        {
            gate.Release();
        }
    }

    [Fact]
    public async Task A_grown_file_or_a_changed_row_gets_a_new_report()
    {
        var running = new JobRecord { Id = "j1", Status = "running" };
        var first = await _reports.GetAsync(running, scan: true, Ct);

        await File.AppendAllTextAsync(LogFile, SampleLogs.Appended, Ct);
        var grown = await _reports.GetAsync(running, scan: true, Ct);
        Assert.NotEqual(first.ETag, grown.ETag);
        Assert.Contains("NaN loss", System.Text.Encoding.UTF8.GetString(grown.Json), StringComparison.Ordinal);

        var failed = await _reports.GetAsync(running with { Status = "failed", ErrorMessage = "exit 1" }, scan: false, Ct);
        Assert.NotEqual(grown.ETag, failed.ETag);
        Assert.Contains("exit 1", System.Text.Encoding.UTF8.GetString(failed.Json), StringComparison.Ordinal);

        var reworded = await _reports.GetAsync(running with { Status = "failed", ErrorMessage = "exit 2" }, scan: false, Ct);
        Assert.Contains("exit 2", System.Text.Encoding.UTF8.GetString(reworded.Json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_file_is_reported_missing_at_once()
    {
        var job = new JobRecord { Id = "j1", Status = "failed", ErrorMessage = "exit 1" };
        await _reports.GetAsync(job, scan: false, Ct);
        File.Delete(LogFile);
        var gone = await _reports.GetAsync(job, scan: false, Ct);
        Assert.Contains("\"missing\":true", System.Text.Encoding.UTF8.GetString(gone.Json), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _cache.Dispose();
        _dir.Dispose();
    }
}
