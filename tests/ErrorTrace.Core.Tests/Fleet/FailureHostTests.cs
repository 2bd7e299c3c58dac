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
    public void No_host_when_the_log_does_not_say() => Assert.Null(FailureHost.Of(Analyze.Text(FleetLogs.KeyError())));

    [Theory]
    [InlineData("<N/A>", null)]
    [InlineData(" node-1.cluster.local ", "node-1.cluster.local")]
    [InlineData("a b", null)]
    public void Host_names_are_cleaned(string raw, string? expected) => Assert.Equal(expected, FailureHost.Clean(raw));
}
