using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>glog's '*** Check failure stack trace: ***' is a death by SIGABRT (glog aborts after it), also when the glog
/// header of the failed CHECK was cut; the death carries the 'Check failed: …' text printed before it.</summary>
public class GlogCheckFailureTests
{
    private const string Stack = "    @     0x7ffbddd355cd  google::LogMessage::Fail()\n    @     0x7ffbddd37433  google::LogMessage::SendToLog()\n";

    [Theory]
    [InlineData("Check failed: fd != -1 (-1 vs. -1) File not found: solver_stage1.prototxt\n*** Check failure stack trace: ***\n" + Stack,
        "Check failed: fd != -1 (-1 vs. -1) File not found: solver_stage1.prototxt")]
    [InlineData("I1203 10:00:00.000 solver.cpp:44] Solving\nCheck failed: error == cudaSuccess (8 vs. 0)  invalid device function\n*** Check failure stack trace: ***\n",
        "Check failed: error == cudaSuccess (8 vs. 0)  invalid device function")]
    // A paste's backticks kept the record's glog header from being read: the header goes with them.
    [InlineData("`I0315 23:34:06.160449  7416 solver.cpp:338] Iteration 0, Testing net (#0)`\n`F0315 23:34:06.171448  7416 pooling_layer.cu:212] Check failed: error == cudaSuccess (8 vs. 0)  invalid device function  `\n`*** Check failure stack trace: ***`\n",
        "Check failed: error == cudaSuccess (8 vs. 0)  invalid device function")]
    public void The_banner_is_a_death_by_sigabrt_that_says_which_check_failed(string log, string message)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback);

        Assert.Equal(("signal", "SIGABRT", message), (root.Kind, root.ExceptionType, root.ExceptionMessage));
    }

    [Theory]
    // LOG(FATAL)'s own text, or a check whose line was not kept: the banner is all the death can say.
    [InlineData("epoch 3 done\n*** Check failure stack trace: ***\n" + Stack)]
    [InlineData("Check failed: x\n\n*** Check failure stack trace: ***\n")]
    public void Without_the_checks_line_the_banner_is_the_message(string log)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback);

        Assert.Equal(("signal", "SIGABRT", "*** Check failure stack trace: ***"), (root.Kind, root.ExceptionType, root.ExceptionMessage));
    }

    [Fact]
    public void A_fatal_record_before_the_banner_is_the_one_death()
    {
        var report = Analyze.Text("F0125 16:57:07.136848 17168 bbox_util.cu:599] Check failed: error == cudaSuccess (8 vs. 0)  invalid device function\n*** Check failure stack trace: ***\n" + Stack);

        var death = Assert.Single(report.Tracebacks, t => t.Kind == "signal");
        Assert.Equal(1L, death.FirstLine);
        Assert.Contains("Check failed: error == cudaSuccess", death.ExceptionMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The line '*** Check failure stack trace: ***' is printed by glog before it aborts.")]
    [InlineData("*** Check failure stack trace: *** was in my log")]
    [InlineData("*** Check failure ***")]
    public void A_sentence_about_it_is_no_death(string line)
    {
        Assert.DoesNotContain(Analyze.Text("epoch 1 done\n" + line + "\n").Tracebacks, t => t.Kind == "signal");
    }
}
