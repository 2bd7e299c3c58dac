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
}
