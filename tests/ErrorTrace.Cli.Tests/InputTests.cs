using System.IO.Compression;
using System.Text;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Cli.Tests;

public class InputTests
{
    [Fact]
    public void Dash_reads_the_log_from_stdin()
    {
        var result = new CliRun { Stdin = SampleLogs.CudaOom }.Invoke("analyze", "-", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = ReportJson.Deserialize(result.Stdout);
        Assert.Equal("unknown", report?.JobId);
    }

    [Fact]
    public void Dash_finds_the_traceback_on_stdin()
    {
        // Depends on the engine finding the traceback.
        var report = ReportJson.Deserialize(new CliRun { Stdin = SampleLogs.CudaOom }.Invoke("analyze", "-", "-f", "json").Stdout);

        Assert.Equal("torch.OutOfMemoryError", report?.Traceback?.ExceptionType);
    }

    [Fact]
    public void Job_id_flag_names_a_stdin_log()
    {
        var result = new CliRun { Stdin = SampleLogs.Quiet }.Invoke("analyze", "-", "--job-id", "77", "--format", "json");

        Assert.Equal("77", ReportJson.Deserialize(result.Stdout)?.JobId);
    }

    [Fact]
    public void Gzipped_stdin_is_decompressed()
    {
        var result = new CliRun { StdinBytes = Gzip(SampleLogs.Quiet) }.Invoke("analyze", "-", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotNull(ReportJson.Deserialize(result.Stdout));
    }

    [Fact]
    public void A_big_file_gives_the_same_report_through_maps_and_through_copies()
    {
        // Over 1 MiB, so the default reads it through memory maps; --no-mmap copies it with read().
        using var dir = new TempDir();
        var log = dir.Write("job_9.log", string.Concat(Enumerable.Repeat(SampleLogs.Quiet, (2 << 20) / SampleLogs.Quiet.Length + 1)) + SampleLogs.CudaOom);

        var mapped = CliRun.Run("analyze", log, "--format", "json");
        var copied = CliRun.Run("analyze", log, "--format", "json", "--no-mmap");

        Assert.True(mapped.ExitCode == 0, mapped.ToString());
        Assert.True(copied.ExitCode == 0, copied.ToString());
        Assert.Equal(copied.Stdout, mapped.Stdout);
        Assert.Equal("torch.OutOfMemoryError", ReportJson.Deserialize(mapped.Stdout)?.Traceback?.ExceptionType);
    }

    [Fact]
    public void Gz_file_is_read_transparently_and_named_without_the_suffixes()
    {
        using var dir = new TempDir();
        var log = dir.WriteGzip("job_456.log.gz", SampleLogs.CudaOom);

        var result = CliRun.Run("analyze", log, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("456", ReportJson.Deserialize(result.Stdout)?.JobId);
    }

    [Fact]
    public void Gz_file_gives_the_same_root_cause_as_the_plain_log()
    {
        // Depends on the engine finding the traceback.
        using var dir = new TempDir();
        var gz = dir.WriteGzip("job_1.log.gz", SampleLogs.CudaOom);
        var plain = dir.Write("job_2.log", SampleLogs.CudaOom);

        var fromGz = ReportJson.Deserialize(CliRun.Run("analyze", gz, "-f", "json").Stdout);
        var fromPlain = ReportJson.Deserialize(CliRun.Run("analyze", plain, "-f", "json").Stdout);

        Assert.Equal("torch.OutOfMemoryError", fromGz?.Traceback?.ExceptionType);
        Assert.Equal(fromPlain?.Traceback?.ExceptionMessage, fromGz?.Traceback?.ExceptionMessage);
    }

    [Theory]
    [InlineData("job_123.log", "123")]
    [InlineData("job_abc-7.log", "abc-7")]
    [InlineData("train.log", "unknown")]
    public void Job_id_comes_from_the_file_name(string name, string jobId)
    {
        using var dir = new TempDir();
        var log = dir.Write(name, SampleLogs.Quiet);

        var result = CliRun.Run("analyze", log, "--format", "json");

        Assert.Equal(jobId, ReportJson.Deserialize(result.Stdout)?.JobId);
    }

    [Fact]
    public void Job_id_flag_overrides_the_file_name()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_123.log", SampleLogs.Quiet);

        var result = CliRun.Run("analyze", log, "--job-id", "run-9", "--format", "json");

        Assert.Equal("run-9", ReportJson.Deserialize(result.Stdout)?.JobId);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("+05:30")]
    [InlineData("UTC")]
    public void Timezone_accepts_ids_and_offsets(string zone)
    {
        using var dir = new TempDir();
        var log = dir.Write("job_1.log", SampleLogs.Quiet);

        var result = CliRun.Run("analyze", log, "--timezone", zone, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }
}
