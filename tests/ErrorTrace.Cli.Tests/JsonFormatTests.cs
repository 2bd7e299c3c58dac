using System.Text.Json;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Cli.Tests;

public class JsonFormatTests
{
    private static readonly string[] s_contractFields = ["job_id", "status", "error_summary", "errors", "traceback", "analysis"];

    [Fact]
    public void Json_output_is_valid_and_has_the_contract_fields()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_123.log", SampleLogs.CudaOom);

        var result = CliRun.Run("analyze", log, "--format", "json", "--summary", "Training process exited with code 1");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        foreach (var field in s_contractFields) Assert.True(json.RootElement.TryGetProperty(field, out _), $"missing {field}");
        Assert.Equal("123", json.RootElement.GetProperty("job_id").GetString());
        Assert.Equal("Training process exited with code 1", json.RootElement.GetProperty("error_summary").GetString());
        Assert.NotNull(ReportJson.Deserialize(result.Stdout));
    }

    [Fact]
    public void Json_names_the_root_cause_exception()
    {
        // Depends on the engine finding the traceback.
        using var dir = new TempDir();
        var log = dir.Write("job_123.log", SampleLogs.CudaOom);

        var report = ReportJson.Deserialize(CliRun.Run("analyze", log, "-f", "json").Stdout);

        Assert.NotNull(report?.Traceback);
        Assert.Equal("torch.OutOfMemoryError", report.Traceback.ExceptionType);
        Assert.Equal("failed", report.Status);
    }

    [Fact]
    public void Several_files_give_one_json_document_per_line()
    {
        using var dir = new TempDir();
        var first = dir.Write("job_1.log", SampleLogs.CudaOom);
        var second = dir.Write("job_2.log", SampleLogs.Quiet);
        var third = dir.Write("job_3.log", SampleLogs.Chained);

        // A terminal would indent a single report; several must stay one per line even there.
        var result = new CliRun { OutputIsTerminal = true }.Invoke("analyze", first, second, third, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(["1", "2", "3"], lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("job_id").GetString()));
    }

    [Fact]
    public void One_report_is_indented_on_a_terminal_and_compact_in_a_pipe()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_1.log", SampleLogs.Quiet);

        var terminal = new CliRun { OutputIsTerminal = true }.Invoke("analyze", log, "--format", "json");
        var pipe = CliRun.Run("analyze", log, "--format", "json");

        Assert.Contains("\n  \"job_id\"", terminal.Stdout);
        Assert.Single(pipe.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Status_flag_is_passed_through()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_1.log", SampleLogs.Quiet);

        var report = ReportJson.Deserialize(CliRun.Run("analyze", log, "--format", "json", "--status", "cancelled").Stdout);

        Assert.Equal("cancelled", report?.Status);
    }

    [Fact]
    public void Output_flag_writes_the_report_to_a_file_and_nothing_to_stdout()
    {
        using var dir = new TempDir();
        var log = dir.Write("job_1.log", SampleLogs.Quiet);
        var output = dir.Combine("report.json");

        var result = CliRun.Run("analyze", log, "--format", "json", "--output", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal("1", ReportJson.Deserialize(File.ReadAllText(output))?.JobId);
    }
}
