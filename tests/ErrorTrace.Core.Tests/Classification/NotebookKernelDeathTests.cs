using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>A notebook kernel that died with no traceback (jupyter_client's restarter, the notebook's dialog) is host
/// memory (rule host-oom-notebook-kernel-died); a restart the user asked for, prose about it, or a kernel that died of a
/// failure it printed are not. Also tcmalloc's large allocation with a paste's italics underscore glued to it.</summary>
public sealed class NotebookKernelDeathTests
{
    [Theory]
    [InlineData("Sep 6, 2020, 6:25:52 PM | INFO | KernelRestarter: restarting kernel (1/5), keep random ports")]
    [InlineData("[I 10:14:02.512 NotebookApp] KernelRestarter: restarting kernel (2/5), new random ports")]
    [InlineData("The kernel appears to have died. It will restart automatically.")]
    public void The_restarters_and_the_dialogs_words_are_host_oom(string line)
    {
        var report = Analyze.ByRules("[I 10:12:00.000 NotebookApp] Kernel started: 7f3c\nepoch 1 loss 0.43\n" + line + "\n");

        Assert.Equal(("host_oom", "host-oom-notebook-kernel-died"), (report.Analysis?.ErrorType, report.Analysis?.RuleId));
    }

    [Theory]
    [InlineData("[I 10:14:02.512 NotebookApp] Kernel restarted: 7f3c2a10-9c1e-4b8e-a1a4-2f0e1c5d9b11")]
    [InlineData("Restarting kernel to apply the new packages")]
    [InlineData("KernelRestarter: restarting kernel was disabled by the admin")]
    [InlineData("If the kernel appears to have died, check the server's log.")]
    public void A_restart_asked_for_or_prose_is_not_a_kernel_death(string line) =>
        Assert.NotEqual("host-oom-notebook-kernel-died", Analyze.ByRules("epoch 1 loss 0.43\n" + line + "\n").Analysis?.RuleId);

    [Fact]
    public void A_kernel_that_died_of_a_printed_failure_is_that_failure()
    {
        var report = Analyze.ByRules(
            "Traceback (most recent call last):\n  File \"train.py\", line 9, in <module>\n    cfg = load(sys.argv[1])\nKeyError: 'model'\n" +
            "[I 10:14:02.512 NotebookApp] KernelRestarter: restarting kernel (1/5), keep random ports\n");

        Assert.NotEqual("host_oom", report.Analysis?.ErrorType);
    }

    [Theory]
    [InlineData("_tcmalloc: large alloc 7267041280 bytes == 0x9d916000 @ 0x7f3ea16311e7 0x5aca9b 0x4bb106")]
    [InlineData("*tcmalloc: large alloc 7267041280 bytes == 0x9d916000 @ 0x7f3ea16311e7*")]
    public void Tcmallocs_large_alloc_in_a_pastes_italics_is_still_read(string line) =>
        Assert.Equal("host-oom-tcmalloc-large-alloc", Analyze.ByRules(line + "\n").Analysis?.RuleId);

    [Fact]
    public void A_word_ending_in_tcmalloc_is_not_it() =>
        Assert.NotEqual("host-oom-tcmalloc-large-alloc", Analyze.ByRules("libtcmalloc: large alloc 7267041280 bytes requested\n").Analysis?.RuleId);
}
