using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>An exception printed as its repr(): alone, with Python 3.6's trailing comma, behind a label or a record's
/// located prefix; never code that constructs one.</summary>
public class ExceptionReprTests
{
    [Theory]
    [InlineData("RuntimeError('CUDA out of memory. Tried to allocate 26.00 MiB (GPU 0; 4.00 GiB total capacity)')\n", "RuntimeError", "CUDA out of memory. Tried to allocate 26.00 MiB (GPU 0; 4.00 GiB total capacity)")]
    [InlineData("Setting status of trial#28 as TrialState.FAIL because of the following error: RuntimeError('CUDA out of memory. Tried to allocate 88.00 MiB',)\n", "RuntimeError", "CUDA out of memory. Tried to allocate 88.00 MiB")]
    [InlineData("Error in call to target 'x.Dataset':\nConfigAttributeError('Missing key sensor')\n", "ConfigAttributeError", "Missing key sensor")]
    [InlineData("ERROR 10-11 12:27:29 engine.py:157] torch.OutOfMemoryError(\"CUDA out of memory. Tried to allocate 138.00 MiB\n", "torch.OutOfMemoryError")]
    public void An_exceptions_repr_is_the_exception(string log, string type, string? message = null)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback);

        Assert.Equal(type, root.ExceptionType);
        if (message is not null) Assert.Equal(message, root.ExceptionMessage);
    }

    [Fact]
    public void A_repr_of_horovods_shutdown_is_another_ranks_failure_like_its_exception_line()
    {
        var report = Analyze.Text("step 12\nHorovodInternalError('Horovod has been shut down. This was caused by an exception on one of the ranks or an attempt to allreduce a tensor after one of the ranks finished execution.')\n");

        Assert.Null(report.Traceback);
    }

    [Fact]
    public void A_repr_that_says_a_child_died_of_a_signal_records_the_death_like_its_exception_line()
    {
        var report = Analyze.Text("ProcessExitedException('process 1 terminated with signal SIGKILL')\n");

        Assert.Contains(report.Tracebacks, t => t is { Kind: "signal", ExceptionType: "SIGKILL" });
    }

    [Theory]
    [InlineData("    raise ValueError('bad value')\n")]
    [InlineData("we saw MyError('x') in the output\n")]
    [InlineData("result = Sequence('abc')\n")]
    public void Code_or_prose_that_names_one_is_no_exception(string log)
    {
        Assert.Null(Analyze.Text(log).Traceback);
    }
}
