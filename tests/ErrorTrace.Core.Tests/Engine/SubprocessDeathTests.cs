using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>A launcher's CalledProcessError for a child that a signal ended is the child's death, not the cause.</summary>
public class SubprocessDeathTests
{
    [Theory]
    [InlineData("SIGSEGV: 11", "SIGSEGV", "segfault")]
    [InlineData("SIGKILL: 9", "SIGKILL", "host_oom")]
    public void A_signal_in_called_process_errors_message_is_the_root_death(string signal, string type, string category)
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"/venv/lib/python3.10/site-packages/accelerate/commands/launch.py\", line 637, in simple_launcher\n"
            + "    raise subprocess.CalledProcessError(returncode=process.returncode, cmd=cmd)\n"
            + "subprocess.CalledProcessError: Command '['/venv/bin/python', 'train.py']' died with <Signals." + signal + ">.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", type, 4L), (root.Kind, root.ExceptionType, root.FirstLine));
        Assert.Equal(category, report.Analysis?.ErrorType);
        Assert.Contains(report.Tracebacks, t => t.ExceptionType == "subprocess.CalledProcessError" && t.Secondary);
    }

    [Fact]
    public void A_non_zero_exit_status_is_no_death()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"/venv/lib/python3.10/site-packages/accelerate/commands/launch.py\", line 637, in simple_launcher\n"
            + "    raise subprocess.CalledProcessError(returncode=process.returncode, cmd=cmd)\n"
            + "subprocess.CalledProcessError: Command '['/venv/bin/python', 'train.py']' returned non-zero exit status 1.\n");

        Assert.DoesNotContain(report.Tracebacks, t => t.Kind == "signal");
    }

    [Fact]
    public void A_launchers_error_record_whose_last_wrapped_row_reports_the_signal_is_the_death()
    {
        var report = Analyze.Text(
            "[2023-11-13 16:59:54,760] [INFO] [launch.py:314:sigkill_handler] Killing subprocess 9439\n"
            + "[2023-11-13 16:59:55,650] [ERROR] [launch.py:320:sigkill_handler] ['/opt/conda/bin/python', '-u', 'train.py', '--local_rank=1', '--model', 'llama',\n"
            + "'--data_path', '../data/train.json', '--save_path', './ckpt/'\n"
            + "] exits with return code = -9\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", "SIGKILL"), (root.Kind, root.ExceptionType));
    }

    [Fact]
    public void A_continued_warning_that_mentions_an_exit_code_is_no_death()
    {
        var report = Analyze.Text(
            "[2023-11-13 16:59:54,760] [WARNING] [launch.py:314:main] the previous attempt\n"
            + "exits with return code = -9\n");

        Assert.DoesNotContain(report.Tracebacks, t => t.Kind == "signal");
    }
}
