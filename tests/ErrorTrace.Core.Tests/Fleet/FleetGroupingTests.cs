using ErrorTrace.Core.Fleet;

namespace ErrorTrace.Core.Tests.Fleet;

public sealed class FleetGroupingTests
{
    private static readonly DateTime s_t = new(2025, 12, 10, 0, 0, 0, DateTimeKind.Utc);

    private static IndexedFailure Job(string id, string signature, string? host, double hours) =>
        new(id, "failed", s_t.AddHours(hours), "alice", host, new FailureSignature(signature, signature[..signature.IndexOf('-', StringComparison.Ordinal)], "E", "E: " + signature));

    [Fact]
    public void Most_jobs_first_with_hosts_days_and_recent_jobs()
    {
        var list = FleetGrouping.Group(
        [
            Job("a", "oom-0000000000000001", "n1", 1),
            Job("b", "oom-0000000000000001", "n1", 30),
            Job("c", "oom-0000000000000001", "n2", 2),
            Job("d", "nccl-0000000000000002", "n2", 3),
        ]);
        Assert.Equal(2, list.Total);
        Assert.Equal(4, list.JobCount);
        var top = list.Signatures[0];
        Assert.Equal("oom-0000000000000001", top.Signature);
        Assert.Equal(3, top.JobCount);
        Assert.Equal(s_t.AddHours(1), top.FirstSeen);
        Assert.Equal(s_t.AddHours(30), top.LastSeen);
        Assert.Equal([new HostCount("n1", 2), new HostCount("n2", 1)], top.Hosts);
        Assert.Equal(["b", "c", "a"], top.Jobs.Select(j => j.JobId));
        Assert.Equal([new DayCount("2025-12-10", 2), new DayCount("2025-12-11", 1)], top.Days);
    }

    [Fact]
    public void A_host_in_many_different_signatures_is_a_suspect()
    {
        var list = FleetGrouping.Group(
        [
            Job("a", "oom-0000000000000001", "bad", 1),
            Job("b", "nccl-0000000000000002", "bad", 2),
            Job("c", "cuda-0000000000000003", "bad", 3),
            Job("d", "oom-0000000000000001", "good", 4),
            Job("e", "oom-0000000000000001", "good", 5),
            Job("f", "oom-0000000000000001", "good", 6),
        ]);
        Assert.Equal([new SuspectHost("bad", 3, 3)], list.SuspectHosts);
    }

    [Fact]
    public void Pages_and_detail()
    {
        var jobs = Enumerable.Range(0, 5).Select(i => Job($"j{i}", $"s-{i:x16}", null, i)).ToList();
        var page = FleetGrouping.Group(jobs, page: 2, pageSize: 2);
        Assert.Equal(5, page.Total);
        Assert.Equal(2, page.Signatures.Count);
        Assert.Equal("j2", page.Signatures[0].Jobs[0].JobId);
        Assert.Null(FleetGrouping.Detail(jobs, "s-00000000000000ff"));
        Assert.Single(FleetGrouping.Detail(jobs, $"s-{3:x16}")!.Jobs);
    }
}
