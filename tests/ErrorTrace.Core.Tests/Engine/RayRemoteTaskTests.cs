using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tracebacks;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Ray prints a failed remote task as <c>ray::Actor.method() (pid=…)</c> followed by the task's frames and
/// exception, without a traceback header.</summary>
public class RayRemoteTaskTests
{
    [Fact]
    public void An_unhandled_error_records_task_frames_are_its_traceback()
    {
        var report = Analyze.Text(
            "2021-07-09 12:11:59,794 ERROR worker.py:78 -- Unhandled error (suppress with RAY_IGNORE_UNHANDLED_ERRORS=1): ray::NetworkRunner.run() (pid=9454, ip=10.164.0.9)\n"
            + "  File \"python/ray/_raylet.pyx\", line 501, in ray._raylet.execute_task\n"
            + "  File \"/home/u/mesh_transformer/train_actor.py\", line 24, in run\n"
            + "TypeError: __new__() missing 1 required positional argument: 'loops'\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("TypeError", root.ExceptionType);
        Assert.Equal("run", root.Frames[^1].Function);
        Assert.Contains(report.Errors, e => e.Message.Contains("Unhandled error", StringComparison.Ordinal));
    }

    [Fact]
    public void Frames_after_an_ordinary_error_record_stay_quoted_text()
    {
        var report = Analyze.Text(
            "2021-07-09 12:11:59,794 ERROR loader.py:78 -- worker failed, its traceback was:\n"
            + "  File \"/home/u/data.py\", line 24, in __getitem__\n"
            + "KeyError: 'image'\n");

        Assert.DoesNotContain(report.Tracebacks, t => t.Frames.Count > 0);
    }

    [Theory]
    [InlineData("Unhandled error: ray::NetworkRunner.run() (pid=9454, ip=10.164.0.9)", true)]
    [InlineData("ray::_RayTrainWorker__execute.get_next() (pid=12451, ip=127.0.0.1, repr=<RayTrainWorker object at 0x1>)  ", true)]
    [InlineData("see ray::docs for details (pid=1)", false)]
    [InlineData("ray::NetworkRunner.run() finished (pid=9454)", false)]
    [InlineData("ray::NetworkRunner.run() (pid=9454, ip=10.164.0.9) took 3s", false)]
    public void The_descriptor_is_recognised_only_at_the_end(string text, bool expected) =>
        Assert.Equal(expected, RayTaskDescriptor.EndsWith(text));
}
