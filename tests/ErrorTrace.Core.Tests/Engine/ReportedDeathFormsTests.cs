using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Deaths as more programs word them: a paste's quotes around the shell's report, bash's padded job
/// notification, the report glued to fastText's progress line, fish, macOS crash reports, a resource manager's memory
/// kill, and faulthandler's header after pytest's node id.</summary>
public class ReportedDeathFormsTests
{
    [Theory]
    [InlineData(">2017-09-28 14:52:30,736 : INFO : PROGRESS: at 0.29% examples\n>Killed: 9 \n", "SIGKILL")]
    [InlineData("\"Segmentation fault: 11\nStack trace:\n", "SIGSEGV")]
    [InlineData("mmseg - INFO - Checkpoints will be saved to /x by HardDiskBackend.\nSegmentation fault (core dumped) \",\n", "SIGSEGV")]
    public void A_shells_report_inside_a_pastes_quotes_is_the_death(string log, string signal)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback);

        Assert.Equal(("signal", signal), (root.Kind, root.ExceptionType));
    }

    [Theory]
    [InlineData("Segmentation fault      (core dumped) nohup python -m main --file data/train.txt\n", "SIGSEGV")]
    [InlineData("[1]+  Killed                  python train.py --epochs 3\n", "SIGKILL")]
    public void Bashs_padded_job_notification_is_the_death(string log, string signal)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback);

        Assert.Equal(("signal", signal), (root.Kind, root.ExceptionType));
    }

    [Theory]
    [InlineData("Killed processes are restarted by the supervisor.\n")]
    [InlineData("Segmentation fault handling is described below.\n")]
    public void A_sentence_that_starts_with_the_words_is_no_death(string log)
    {
        Assert.DoesNotContain(Analyze.Text(log).Tracebacks, t => t.Kind == "signal");
    }

    [Theory]
    [InlineData("Progress: 0.0%  words/sec/thread: 5160  lr: 0.199927  loss: 3.388311  eta: 170h56m Segmentation fault: 11\n")]
    [InlineData("> Progress: 19.0%  words/sec/thread: 59  lr: 0.242889  loss: 20.702034  eta: 125h56m Segmentation fault\n")]
    public void The_report_glued_to_fasttexts_progress_line_is_the_death(string log)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback);

        Assert.Equal(("signal", "SIGSEGV"), (root.Kind, root.ExceptionType));
    }

    [Theory]
    [InlineData("2it [00:25, 12.97s/it]\nfish: Job 1, 'python3 stable_diffusion.py --p…' terminated by signal SIGKILL (Forced quit)\n", "SIGKILL")]
    [InlineData("fish: 'python train.py' terminated by signal SIGSEGV (Address boundary error)\n", "SIGSEGV")]
    public void Fishs_report_names_the_signal(string log, string signal)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback);

        Assert.Equal(("signal", signal), (root.Kind, root.ExceptionType));
    }

    [Theory]
    [InlineData("Exception Type:    EXC_BAD_ACCESS (SIGSEGV)\nException Codes:   KERN_INVALID_ADDRESS at 0x0000000000000000\n\nTermination Reason:  Namespace SIGNAL, Code 11, Segmentation fault: 11\nTerminating Process: exc handler [1234]\n")]
    [InlineData("  \"exception\" : {\"codes\":\"0x1, 0x540\",\"type\":\"EXC_BAD_ACCESS\",\"signal\":\"SIGSEGV\"},\n  \"termination\" : {\"flags\":0,\"code\":11,\"namespace\":\"SIGNAL\",\"indicator\":\"Segmentation fault: 11\",\"byProc\":\"exc handler\",\"byPid\":22823},\n")]
    public void A_macos_crash_reports_termination_reason_is_the_death(string log)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback);

        Assert.Equal(("signal", "SIGSEGV"), (root.Kind, root.ExceptionType));
    }

    [Theory]
    [InlineData("The replica master 0 ran out-of-memory and exited with a non-zero status of 9(SIGKILL)\n")]
    [InlineData("> The replica master 0 ran out-of-memory and exited with a non-zero status of 247.\n")]
    [InlineData("18/05/16 00:53:32 ERROR YarnClusterScheduler: Lost executor 6 on node1: Container killed by YARN for exceeding memory limits. 8.2 GB of 8 GB physical memory used.\n")]
    public void A_resource_managers_memory_kill_is_a_sigkill_death(string log)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback);

        Assert.Equal(("signal", "SIGKILL"), (root.Kind, root.ExceptionType));
    }

    [Fact]
    public void A_yarn_container_killed_on_request_is_no_memory_kill()
    {
        var report = Analyze.Text("18/05/16 00:53:32 WARN TaskSetManager: Container killed on request. Exit code is 143\n");

        Assert.DoesNotContain(report.Tracebacks, t => t.ExceptionType == "SIGKILL");
    }

    [Fact]
    public void Faulthandlers_header_after_pytests_node_id_opens_the_dump()
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(
            "tests/test_run_model.py::test_run_model_transact Fatal Python error: Segmentation fault\n\n"
            + "Current thread 0x000076568faac800 (most recent call first):\n"
            + "  File \"/venv/lib/python3.11/site-packages/torch_xla/core/xla_model.py\", line 234 in unlazy\n"
            + "  File \"/repo/run_model.py\", line 45 in run_model_xla\n").Traceback);

        Assert.Equal(("SIGSEGV", "unlazy"), (root.ExceptionType, root.Frames[^1].Function));
    }

    [Fact]
    public void A_word_before_the_header_is_prose_not_a_node_id()
    {
        Assert.DoesNotContain(Analyze.Text("see the note Fatal Python error: Segmentation fault\n").Tracebacks, t => t.Kind == "faulthandler");
    }
}
