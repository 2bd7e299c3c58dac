using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>loguru's <c>logger.exception</c> / <c>@logger.catch</c> with <c>diagnose=True</c> (better_exceptions' layout).</summary>
public class LoguruTracebackTests
{
    [Fact]
    public void Blank_separated_frames_with_variable_annotations_are_read()
    {
        var report = Analyze.Text(
            "2025-01-01 12:00:00.000 | ERROR    | __main__:run:42 - An error has been caught in function 'run', process 'MainProcess' (1234), thread 'MainThread' (5678):\n"
            + "Traceback (most recent call last):\n"
            + "\n"
            + "  File \"/app/train.py\", line 50, in <module>\n"
            + "    run()\n"
            + "    └ <function run at 0x7f1>\n"
            + "\n"
            + "> File \"/app/train.py\", line 42, in run\n"
            + "    trainer.fit()\n"
            + "    │       └ <function Trainer.fit at 0x7f2>\n"
            + "    └ <lightning.pytorch.trainer.trainer.Trainer object at 0x7f3>\n"
            + "\n"
            + "  File \"/venv/lib/python3.11/site-packages/lightning/pytorch/trainer/trainer.py\", line 1079, in _run\n"
            + "    results = self._run_stage()\n"
            + "              └ <lightning.pytorch.trainer.trainer.Trainer object at 0x793188941fd0>\n"
            + "\n"
            + "KeyError: 'labels'\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("KeyError", "'labels'"), (root.ExceptionType, root.ExceptionMessage));
        Assert.Equal(["<module>", "run", "_run"], root.Frames.Select(f => f.Function));
        Assert.Equal(("trainer.fit()", "results = self._run_stage()"), (root.Frames[1].Code, root.Frames[2].Code));
    }

    [Fact]
    public void A_cpython_traceback_still_ends_at_a_blank_line_after_its_frames()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"/app/train.py\", line 50, in <module>\n"
            + "    run()\n"
            + "\n"
            + "ValueError: printed later by someone else\n");

        Assert.DoesNotContain(report.Tracebacks, t => t.ExceptionType == "ValueError" && t.Frames.Count > 0);
    }
}
