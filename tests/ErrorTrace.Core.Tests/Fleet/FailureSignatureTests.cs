using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Fleet;
using ErrorTrace.Core.Input;
using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Fleet;

public sealed class FailureSignatureTests
{
    private static FailureSignature Of(string log) => FailureSignatures.For(Analyze.Text(log));

    [Fact]
    public void Same_cuda_oom_at_different_sizes_shares_a_signature()
    {
        var small = Of(FleetLogs.CudaOom("20.00 MiB", free: "3.06 MiB"));
        var large = Of(FleetLogs.CudaOom("2.00 GiB", free: "1.12 GiB"));
        Assert.Equal(small.Id, large.Id);
        Assert.StartsWith("oom_", small.Id, StringComparison.Ordinal);
        Assert.Equal("torch.OutOfMemoryError", small.ExceptionType);
        Assert.Equal("OutOfMemoryError: CUDA out of memory.", small.Title);
        Assert.Equal("SIGKILL: slurmstepd: error: Detected N oom_kill event in StepId=N.", Of(FleetLogs.HostOom()).Title);
    }

    [Fact]
    public void Line_numbers_and_checkout_paths_do_not_split_a_signature()
    {
        var alice = Of(FleetLogs.CudaOom("2.00 GiB", root: "/home/alice/llm", line: 120));
        var bob = Of(FleetLogs.CudaOom("2.00 GiB", root: "/mnt/shared/bob/llm", line: 131));
        Assert.Equal(alice.Id, bob.Id);
    }

    [Fact]
    public void A_different_user_function_is_a_different_signature()
    {
        var training = Of(FleetLogs.CudaOom("2.00 GiB", function: "training_step"));
        var evaluation = Of(FleetLogs.CudaOom("2.00 GiB", function: "validation_step"));
        Assert.NotEqual(training.Id, evaluation.Id);
    }

    [Fact]
    public void A_gpu_oom_and_a_host_oom_are_apart()
    {
        var gpu = Of(FleetLogs.CudaOom("2.00 GiB"));
        var host = Of(FleetLogs.HostOom());
        Assert.NotEqual(gpu.Id, host.Id);
        Assert.NotEqual(gpu.Category, host.Category);
    }

    [Fact]
    public void Deaths_on_different_hosts_share_a_signature()
    {
        var a = Of(FleetLogs.HostOom("node-3"));
        var b = Of(FleetLogs.HostOom("node-17"));
        Assert.Equal(a.Id, b.Id);
    }

    [Fact]
    public void Different_exceptions_are_apart_and_quoted_values_are_masked()
    {
        Assert.Equal(Of(FleetLogs.KeyError("labels")).Id, Of(FleetLogs.KeyError("input_ids")).Id);
        Assert.NotEqual(Of(FleetLogs.KeyError()).Id, Of(FleetLogs.CudaOom("2.00 GiB")).Id);
        Assert.NotEqual(Of(FleetLogs.KeyError(function: "collate")).Id, Of(FleetLogs.KeyError(function: "tokenize")).Id);
    }

    [Fact]
    public void The_signature_follows_the_reports_fields_not_a_table_of_categories()
    {
        var report = Analyze.Text(FleetLogs.KeyError());
        var renamed = report with { Analysis = report.Analysis! with { ErrorType = "Some New-Category" } };
        var signature = FailureSignatures.For(renamed);
        Assert.StartsWith("some_new_category-", signature.Id, StringComparison.Ordinal);
        Assert.True(FailureSignatures.IsValidId(signature.Id));
        Assert.NotEqual(FailureSignatures.For(report).Id, signature.Id);
    }

    [Fact]
    public void A_report_without_a_failure_groups_by_its_summary_and_a_missing_log_says_so()
    {
        var missing = new ErrorReport { JobId = "a", Status = "failed", ErrorSummary = "exited with code 137", Log = new LogInfo { Missing = true } };
        var other = missing with { JobId = "b", ErrorSummary = "exited with code 1" };
        Assert.Equal(FailureSignatures.For(missing).Id, FailureSignatures.For(other).Id);
        Assert.StartsWith("Log missing: exited with code", FailureSignatures.For(missing).Title, StringComparison.Ordinal);
        var empty = new ErrorReport { JobId = "c", Status = "failed" };
        Assert.Equal("unknown", FailureSignatures.For(empty).Category);
        Assert.NotEqual(FailureSignatures.For(missing).Id, FailureSignatures.For(empty).Id);
    }

    [Theory]
    [InlineData("oom_training-0123456789abcdef", true)]
    [InlineData("unknown-ffffffffffffffff", true)]
    [InlineData("oom_training-0123456789ABCDEF", false)]
    [InlineData("oom-training-0123456789abcde", false)]
    [InlineData("-0123456789abcdef", false)]
    [InlineData("../etc-0123456789abcdef", false)]
    [InlineData("", false)]
    public void Ids_are_validated(string id, bool valid) => Assert.Equal(valid, FailureSignatures.IsValidId(id));

    [Fact]
    public void Every_real_log_of_the_corpus_gets_a_valid_signature_and_a_one_line_title()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Corpus", "real");
        var logs = Directory.GetFiles(directory, "*.log");
        Assert.NotEmpty(logs);
        foreach (var log in logs)
        {
            var signature = FailureSignatures.For(LogFile.Analyze(log, AnalysisOptions.Default, cancellationToken: TestContext.Current.CancellationToken));
            Assert.True(FailureSignatures.IsValidId(signature.Id), log);
            Assert.DoesNotContain('\n', signature.Title);
            Assert.InRange(signature.Title.Length, 1, FailureSignatures.MaxTitleChars);
        }
    }
}
