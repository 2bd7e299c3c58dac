using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Py_FatalError's header when the signal is not its first words: Python 3.9+ puts the calling function's name
/// first, and pygame's signal handler (its "parachute", imported by any package that imports pygame) words the signal in
/// title case after its tag. Lines from learningbycheating-20 and pytorch-129100 of the real-log corpus.</summary>
public class FatalErrorSignalTests
{
    [Theory]
    [InlineData("Fatal Python error: (pygame parachute) Segmentation Fault", "SIGSEGV")]
    [InlineData("Fatal Python error: pygame_parachute: (pygame parachute) Segmentation Fault", "SIGSEGV")]
    [InlineData("> Fatal Python error: (pygame parachute) Segmentation Fault", "SIGSEGV")]
    [InlineData("Fatal Python error: pygame_parachute: (pygame parachute) Floating Point Exception", "SIGFPE")]
    [InlineData("Fatal Python error: Bus error", "SIGBUS")]
    public void The_signal_after_the_tag_is_the_death(string header, string signal)
    {
        var report = Analyze.Text("import torch\n" + header + "\nPython runtime state: initialized\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("faulthandler", signal), (root.Kind, root.ExceptionType));
    }

    [Theory]
    [InlineData("Fatal Python error: _Py_CheckRecursiveCall: Cannot recover from stack overflow.")]
    [InlineData("Fatal Python error: init_import_site: Failed to import the site module")]
    [InlineData("Fatal Python error: none_dealloc: deallocating None: bug likely caused by a refcount error in a C extension")]
    public void A_fatal_error_that_names_no_signal_is_py_fatal_errors_abort(string header)
    {
        var report = Analyze.Text(header + "\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("SIGABRT", header), (root.ExceptionType, root.ExceptionMessage));
    }
}
