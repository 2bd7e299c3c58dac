using ErrorTrace.Core.Fleet;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Fleet;

public sealed class FailureHostTests
{
    [Fact]
    public void Torchrun_failure_table_names_the_root_causes_host() =>
        Assert.Equal("node-17", FailureHost.Of(Analyze.Text(FleetLogs.HostOom("node-17"))));

    [Fact]
    public void Srun_and_nccl_errors_name_the_host()
    {
        Assert.Equal("gpu-a07", FailureHost.Of(Analyze.Text("srun: error: gpu-a07: task 3: Killed\n")));
        Assert.Equal("dgx12", FailureHost.Of(Analyze.Text("dgx12:2211:2290 [3] NCCL WARN NET/IB : Got async event : port error\n")));
    }

    [Fact]
    public void The_prefix_host_of_the_root_failure_comes_first()
    {
        // pdsh prefixes name two hosts; the traceback was printed by worker-2's lines, so that is where it died.
        var log = "worker-1: [INFO] step 10\n" + string.Concat(FleetLogs.KeyError().Split('\n').Where(l => l.Length > 0).Select(l => "worker-2: " + l + "\n"));
        Assert.Equal("worker-2", FailureHost.Of(Analyze.Text(log)));
    }

    [Fact]
    public void A_single_host_in_the_environment_is_read_before_the_log_text()
    {
        // Every line prefixed by one host; the NCCL warning's own prefix names another (a peer it talked to).
        var log = "gpu-b01: [INFO] step 10\ngpu-b01: peer9:2211:2290 [3] NCCL WARN NET/IB : Got async event : port error\n";
        var report = Analyze.Text(log);
        Assert.Equal(["gpu-b01"], report.Environment!.Hosts);
        Assert.Equal("gpu-b01", FailureHost.Of(report));
    }

    [Fact]
    public void Several_hosts_in_the_environment_leave_it_to_the_log_text()
    {
        var log = "worker-1: [INFO] step 10\nworker-2: [INFO] step 10\nsrun: error: gpu-a07: task 3: Killed\n";
        Assert.Equal("gpu-a07", FailureHost.Of(Analyze.Text(log)));
        Assert.Null(FailureHost.Of(Analyze.Text("worker-1: [INFO] step 10\nworker-2: [INFO] step 10\n")));
    }

    [Fact]
    public void No_host_when_the_log_does_not_say() => Assert.Null(FailureHost.Of(Analyze.Text(FleetLogs.KeyError())));

    [Theory]
    [InlineData("<N/A>", null)]
    [InlineData(" node-1.cluster.local ", "node-1.cluster.local")]
    [InlineData("a b", null)]
    public void Host_names_are_cleaned(string raw, string? expected) => Assert.Equal(expected, FailureHost.Clean(raw));
}
