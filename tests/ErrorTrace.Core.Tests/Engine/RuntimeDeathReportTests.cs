using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Deaths no shell reported, in the words of the program that saw them: R's fatal-signal handler, gunicorn's
/// arbiter reaping a worker, macOS bash's 'Abort trap: 6' (quoted reports: QuotedDeathReportTests).</summary>
public class RuntimeDeathReportTests
{
    [Theory]
    [InlineData(" *** caught segfault ***", "SIGSEGV")]
    [InlineData(" *** caught bus error ***", "SIGBUS")]
    [InlineData(" *** caught illegal operation ***", "SIGILL")]
    public void Rs_fatal_signal_handler_is_the_death(string line, string signal)
    {
        var log = "[LightGBM] [Info] Start training from score -6.558007\n\n" + line +
            "\naddress 0xffffffff542c1700, cause 'memory not mapped'\n\nTraceback:\n 1: lgb.call(\"LGBM_BoosterUpdateOneIter_R\", ret = NULL)\n";

        var report = Analyze.Text(log);

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", signal, 3L), (root.Kind, root.ExceptionType, root.FirstLine));
        Assert.Equal("failed", report.Status);
    }

    [Theory]
    [InlineData("[2024-02-11 10:00:00 +0000] [1] [ERROR] Worker (pid:54) was sent SIGKILL! Perhaps out of memory?", "SIGKILL")]
    [InlineData("    ERROR] Worker (pid:54) was sent code 139!", "SIGSEGV")]
    [InlineData("[2024-02-11 10:00:00 +0000] [1] [ERROR] Worker (pid:12) was sent SIGSEGV!", "SIGSEGV")]
    [InlineData("[2024-02-11 10:00:00 +0000] [7] [WARNING] Worker with pid 31 was terminated due to signal 9", "SIGKILL")]
    public void Gunicorns_report_of_a_worker_a_signal_ended_is_the_death(string line, string signal)
    {
        var report = Analyze.Text("[2024-02-11 09:59:58 +0000] [31] [INFO] Booting worker with pid: 31\n" + line + "\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", signal, 2L), (root.Kind, root.ExceptionType, root.FirstLine));
    }

    [Theory]
    [InlineData("./train.sh: line 1:  1760 Abort trap: 6           ../../caffe/build/tools/caffe train -solver s.prototxt\n")]
    [InlineData("Abort trap: 6\n")]
    public void Macos_bashs_abort_trap_is_a_death_by_sigabrt(string log)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text("I1203 10:00:00.000 solver.cpp:44] Solving\n" + log).Traceback);

        Assert.Equal(("signal", "SIGABRT"), (root.Kind, root.ExceptionType));
    }

    [Theory]
    [InlineData("Tests: *** caught segfault *** is what R prints when native code crashes.")]
    [InlineData(" *** caught an exception ***")]
    [InlineData("The worker (pid:54) was sent to the queue!")]
    [InlineData("Worker (pid:54) exited with code 1")]
    [InlineData("A job was terminated due to signal handling in the scheduler.")]
    [InlineData("The abort trap is set in the debugger.")]
    public void Prose_and_other_sentences_are_no_death(string line)
    {
        Assert.DoesNotContain(Analyze.Text("epoch 1 done\n" + line + "\n").Tracebacks, t => t.Kind == "signal");
    }
}
