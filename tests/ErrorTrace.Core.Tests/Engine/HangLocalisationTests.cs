using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tests.RealLogs;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Issue 12, item 7: for NCCL watchdog timeouts, the ranks that timed out, the ranks expected but silent, the
/// last collective per rank, and the silent or lagging rank as root_rank.</summary>
public class HangLocalisationTests
{
    private static ErrorReport Real(string slug) =>
        Analyze.Bytes(File.ReadAllBytes(Path.Combine(RealLogCorpus.Directory, slug + ".log")));

    private static string Watchdog(int rank, long seq, string op = "ALLREDUCE") =>
        $"[rank{rank}]:[E626 06:24:44.903881913 ProcessGroupNCCL.cpp:616] [Rank {rank}] Watchdog caught collective operation timeout: "
        + $"WorkNCCL(SeqNum={seq}, OpType={op}, NumelIn=9801523, NumelOut=9801523, Timeout(ms)=600000) ran for 600020 milliseconds before timing out.\n";

    private static string Enqueued(int rank, long seq, long enqueued) =>
        $"[rank{rank}]:[E626 06:24:44.906457629 ProcessGroupNCCL.cpp:1785] [PG ID 0 PG GUID 0(default_pg) Rank {rank}] Exception (either an error or "
        + $"timeout) detected by watchdog at work: {seq}, last enqueued NCCL work: {enqueued}, last completed NCCL work: {seq - 1}.\n";

    [Fact]
    public void The_rank_that_printed_no_timeout_below_the_highest_is_silent_and_the_root_rank()
    {
        // Ranks 3, 2 and 1 time out in the same ALLREDUCE; rank 0 says nothing (a real Perlmutter log).
        var report = Real("ace-348-perlmutter-watchdog-rank0-silent");

        var hang = Assert.IsType<HangInfo>(report.Hang);
        Assert.Equal([1, 2, 3], hang.TimedOutRanks);
        Assert.Equal([0], hang.SilentRanks);
        Assert.Equal((4, "highest rank seen"), (hang.WorldSize, hang.WorldSizeSource));
        Assert.All(hang.Ranks, r => Assert.Equal((1132079L, "ALLREDUCE"), (r.SeqNum, r.OpType)));
        Assert.Equal(0, hang.SuspectRank);
        Assert.Equal("rank 0 printed no watchdog timeout while ranks 1, 2, 3 timed out in ALLREDUCE SeqNum=1132079", hang.Reason);
        Assert.Equal(0, report.Analysis?.RootRank);
        Assert.Contains(report.Analysis!.Evidence, e => e.Text == hang.Reason);
    }

    [Fact]
    public void A_lone_watchdog_line_lists_the_lower_ranks_as_silent_but_names_no_suspect()
    {
        // Only rank 3's output is in this log (per-rank log files are common): ranks 0-2 printing nothing here is no
        // evidence against them, so silence must not make rank 0 the culprit.
        var report = Analyze.Text(Watchdog(3, 90));

        var hang = Assert.IsType<HangInfo>(report.Hang);
        Assert.Equal([3], hang.TimedOutRanks);
        Assert.Equal([0, 1, 2], hang.SilentRanks);
        Assert.Null(hang.SuspectRank);
        Assert.Null(hang.Reason);
    }

    [Fact]
    public void With_the_launcher_world_size_a_rank_that_never_wrote_is_the_suspect_even_alone()
    {
        var report = Analyze.Text("INFO: WORLD_SIZE=2\n" + Watchdog(1, 90));

        var hang = Assert.IsType<HangInfo>(report.Hang);
        Assert.Equal([0], hang.SilentRanks);
        Assert.Equal(0, hang.SuspectRank);
    }

    [Fact]
    public void Last_enqueued_and_completed_work_are_read_per_rank()
    {
        // The first collective never completed on ranks 1 and 2 (last completed -1): rank 0 never reached it.
        var report = Real("litgpt-1832-slurm-broadcast-seqnum-1-never-completed");

        var hang = Assert.IsType<HangInfo>(report.Hang);
        Assert.Equal([1, 2], hang.TimedOutRanks);
        var rank1 = hang.Ranks.Single(r => r.Rank == 1);
        Assert.Equal((1L, 1L, -1L), (rank1.SeqNum, rank1.LastEnqueued, rank1.LastCompleted));
        Assert.Equal("BROADCAST", hang.Ranks.Single(r => r.Rank == 2).OpType);
        Assert.Equal(0, report.Analysis?.RootRank);
    }

    [Fact]
    public void Every_rank_waiting_in_the_same_collective_singles_none_out()
    {
        var report = Real("basicsr-737-watchdog-allreduce");

        var hang = Assert.IsType<HangInfo>(report.Hang);
        Assert.Equal([0, 1, 2], hang.TimedOutRanks);
        Assert.Empty(hang.SilentRanks);
        Assert.Null(hang.SuspectRank);
        // The excerpt was cut before rank 2's second line: unknown, not behind.
        Assert.Equal([811L, 811L, null], hang.Ranks.Select(r => r.LastEnqueued));
    }

    [Fact]
    public void The_launchers_world_size_names_a_silent_rank_above_the_highest_one_seen()
    {
        var report = Analyze.Text("INFO: WORLD_SIZE=4\n" + Watchdog(0, 90) + Watchdog(1, 90) + Watchdog(2, 90));

        var hang = Assert.IsType<HangInfo>(report.Hang);
        Assert.Equal((4, "launcher line 1"), (hang.WorldSize, hang.WorldSizeSource));
        Assert.Equal([3], hang.SilentRanks);
        Assert.Equal(3, report.Analysis?.RootRank);
    }

    [Fact]
    public void A_rank_behind_in_the_sequence_is_the_suspect_when_none_is_silent()
    {
        var report = Analyze.Text(
            Watchdog(0, 42) + Enqueued(0, 42, 42) + Watchdog(1, 42) + Enqueued(1, 42, 42) + Watchdog(2, 41) + Enqueued(2, 41, 41) + Watchdog(3, 42) + Enqueued(3, 42, 42));

        var hang = Assert.IsType<HangInfo>(report.Hang);
        Assert.Empty(hang.SilentRanks);
        Assert.Equal(2, hang.SuspectRank);
        Assert.Equal("rank 2 is behind: its last collective is 41, the other ranks' 42", hang.Reason);
        Assert.Equal(2, report.Analysis?.RootRank);
    }

    [Fact]
    public void A_rank_in_another_collective_at_the_same_sequence_number_is_the_suspect()
    {
        var report = Analyze.Text(Watchdog(0, 7) + Watchdog(1, 7, "BROADCAST") + Watchdog(2, 7) + Watchdog(3, 7));

        var hang = Assert.IsType<HangInfo>(report.Hang);
        Assert.Equal(1, hang.SuspectRank);
        Assert.StartsWith("rank 1 waits in BROADCAST at SeqNum=7 while 0, 2, 3 wait in ALLREDUCE", hang.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_failure_before_the_timeouts_keeps_its_own_rank()
    {
        var report = Analyze.Text(
            "[rank2]:Traceback (most recent call last):\n"
            + "[rank2]:  File \"/app/train.py\", line 10, in <module>\n"
            + "[rank2]:    loss.backward()\n"
            + "[rank2]:torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.\n"
            + Watchdog(0, 5) + Watchdog(1, 5) + Watchdog(3, 5));

        Assert.Equal([2], report.Hang?.SilentRanks);
        Assert.Equal(2, report.Analysis?.RootRank);
        Assert.Equal("torch.OutOfMemoryError", report.Traceback?.ExceptionType);
    }

    [Fact]
    public void A_log_without_a_watchdog_timeout_has_no_hang()
    {
        Assert.Null(Analyze.Text("Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\nValueError: x\n").Hang);
    }
}
