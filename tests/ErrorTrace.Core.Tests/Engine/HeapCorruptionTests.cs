using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>glibc's malloc aborting on a corrupted heap: its one line is the process's last word, a death by SIGABRT,
/// with or without the shell's <c>Aborted (core dumped)</c> after it.</summary>
public class HeapCorruptionTests
{
    [Theory]
    [InlineData("double free or corruption (out)")]
    [InlineData("double free or corruption (!prev)")]
    [InlineData("\"double free or corruption (!prev)\"")]
    [InlineData("free(): invalid pointer")]
    [InlineData("free(): double free detected in tcache 2")]
    [InlineData("munmap_chunk(): invalid pointer")]
    [InlineData("*** Error in `python': double free or corruption (fasttop): 0x00007f2b8c0008f0 ***")]
    [InlineData("*** glibc detected *** python: free(): invalid next size (fast): 0x0000000001c2a4b0 ***")]
    public void Mallocs_report_of_a_corrupted_heap_is_a_death_by_sigabrt(string line)
    {
        var report = Analyze.Text("Epoch 0:  12%| 30/250 [00:04<00:30, 7.1it/s]\n" + line + "\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", "SIGABRT", 2L), (root.Kind, root.ExceptionType, root.FirstLine));
        Assert.Equal("failed", report.Status);
    }

    [Theory]
    [InlineData("malloc(): corrupted top size")]
    [InlineData("corrupted size vs. prev_size")]
    [InlineData("free(): invalid next size (fast)")]
    [InlineData("malloc(): unaligned tcache chunk detected")]
    [InlineData("malloc_consolidate(): invalid chunk size")]
    [InlineData("malloc(): mismatching next->prev_size (unsorted)")]
    [InlineData("Fatal glibc error: malloc.c:2599 (sysmalloc): assertion failed: (old_top == initial_top (av) && old_size == 0) || ((unsigned long) (old_size) >= MINSIZE && prev_inuse (old_top) && ((unsigned long) old_end & (pagesize - 1)) == 0)")]
    public void The_rarer_checks_are_read_only_with_the_shells_aborted_after_them(string line)
    {
        // Their words have no needle of the gate's (HeapCorruption's trade-off): the shell's report is the death.
        var report = Analyze.Text("loading images\n" + line + "\nAborted (core dumped)\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", "SIGABRT"), (root.Kind, root.ExceptionType));
    }

    [Fact]
    public void The_shells_aborted_after_it_is_the_same_death()
    {
        var report = Analyze.Text("loading images\nfree(): invalid pointer\nAborted (core dumped)\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", "SIGABRT", 2L), (root.Kind, root.ExceptionType, root.FirstLine));
        Assert.Single(report.Tracebacks, t => t.Kind == "signal");
    }

    [Theory]
    [InlineData("Fixed a double free or corruption in the loader (see #123).")]
    [InlineData("free(): ")]
    [InlineData("INFO checking malloc(): corrupted top size handling")]
    [InlineData("GPU free memory: 11.2 GiB")]
    [InlineData("model.free(): invalid handle ignored")]
    [InlineData("Fatal glibc error: see the release notes")]
    public void Prose_that_mentions_the_words_is_no_death(string line)
    {
        var report = Analyze.Text(line + "\n");

        Assert.DoesNotContain(report.Tracebacks, t => t.Kind == "signal");
    }

    [Fact]
    public void Zshs_report_of_a_core_dump_is_the_death()
    {
        var report = Analyze.Text("Successfully opened dynamic library libamdhip64.so\n[1]    2964311 abort (core dumped)  python test.py\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", "SIGABRT"), (root.Kind, root.ExceptionType));
    }
}
