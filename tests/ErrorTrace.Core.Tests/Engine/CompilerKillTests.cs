using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>A compiler killed for host memory while building an extension is a death by SIGKILL and host_oom, ahead of
/// the build's generic failure lines (Markers/CompilerKill, rule host-oom-compiler-killed).</summary>
public class CompilerKillTests
{
    private const string NinjaStart = "[1/15] /usr/local/cuda/bin/nvcc -DTORCH_EXTENSION_NAME=_C -c src/grouping/grouping_cuda.cu -o grouping_cuda.o\n" +
        "FAILED: /scratch/u/Pointcept/libs/pointops/build/temp.linux-x86_64-cpython-38/src/knn_query/knn_query_cuda_kernel.o\n";

    private const string NinjaEnd = "ninja: build stopped: subcommand failed.\n" +
        "Traceback (most recent call last):\n" +
        "  File \"/env/lib/python3.8/site-packages/torch/utils/cpp_extension.py\", line 1900, in _run_ninja_build\n" +
        "    subprocess.run(\n" +
        "  File \"/env/lib/python3.8/subprocess.py\", line 516, in run\n" +
        "    raise CalledProcessError(retcode, process.args,\n" +
        "subprocess.CalledProcessError: Command '['ninja', '-v']' returned non-zero exit status 1.\n\n" +
        "The above exception was the direct cause of the following exception:\n\n" +
        "Traceback (most recent call last):\n" +
        "  File \"setup.py\", line 30, in <module>\n" +
        "    setup(\n" +
        "  File \"/env/lib/python3.8/site-packages/torch/utils/cpp_extension.py\", line 1555, in _write_ninja_file_and_build_library\n" +
        "    _run_ninja_build(\n" +
        "RuntimeError: Error compiling objects for extension\n";

    [Theory]
    [InlineData("nvcc error   : 'cicc' died due to signal 9 (Kill signal)")]
    [InlineData("nvcc error   : 'ptxas' died due to signal 9 (Kill signal)")]
    [InlineData("  c++: internal compiler error: Killed (program cc1plus)")]
    [InlineData("  c++: internal compiler error: 已杀死 (program cc1plus)")]
    [InlineData("x86_64-linux-gnu-gcc: internal compiler error: Getötet (program cc1plus)")]
    [InlineData("g++: fatal error: Killed signal terminated program cc1plus")]
    [InlineData("g++: fatal error: 已杀死 signal terminated program cc1plus")]
    [InlineData("collect2: fatal error: ld terminated with signal 9 [Killed]")]
    public void A_compiler_killed_in_a_build_is_a_death_by_sigkill_and_host_oom(string line)
    {
        var report = Analyze.Text(NinjaStart + line + "\ncompilation terminated.\n" + NinjaEnd);

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", "SIGKILL", 3L), (root.Kind, root.ExceptionType, root.FirstLine));
        Assert.Equal(("host_oom", "host-oom-compiler-killed"), (report.Analysis?.ErrorType, report.Analysis?.RuleId));
    }

    [Theory]
    [InlineData("nvcc error   : 'cicc' died due to signal 9 (Kill signal)")]
    [InlineData("  c++: internal compiler error: 已杀死 (program cc1plus)")]
    public void Alone_it_is_the_death(string line)
    {
        var report = Analyze.Text(line + "\n");

        Assert.Equal(("signal", "SIGKILL"), (report.Traceback?.Kind, report.Traceback?.ExceptionType));
        Assert.Equal("host_oom", report.Analysis?.ErrorType);
    }

    /// <summary>setuptools' build (pip building from source) ends with the compiler's failed command and no traceback; under
    /// cpp_extension's traceback the build's frames decide instead (dependency-extension-build-frames, high on the root):
    /// the allocation failure is a line, not a death.</summary>
    [Theory]
    [InlineData("virtual memory exhausted: Cannot allocate memory")]
    [InlineData("cc1plus: out of memory allocating 65536 bytes after a total of 1874329600 bytes")]
    public void The_compilers_own_allocation_failure_is_host_oom_without_a_death(string line)
    {
        var report = Analyze.Text("    building 'pointnet2_ops._ext' extension\n    gcc -pthread -O2 -fPIC -c src/ball_query.cpp -o build/ball_query.o\n    " +
            line + "\n    error: command '/usr/bin/gcc' failed with exit code 1\n");

        Assert.Null(report.Traceback);
        Assert.Equal(("host_oom", "host-oom-compiler-killed"), (report.Analysis?.ErrorType, report.Analysis?.RuleId));
    }

    [Theory]
    // A compiler's crash is a toolchain bug, not memory.
    [InlineData("c++: internal compiler error: Segmentation fault (program cc1plus)")]
    [InlineData("nvcc error   : 'cicc' died due to signal 11 (Invalid memory reference)")]
    [InlineData("g++: fatal error: Terminated signal terminated program cc1plus")]
    [InlineData("collect2: fatal error: ld terminated with signal 11 [Segmentation fault]")]
    // Prose quoting the words, and the words not ending the driver's sentence.
    [InlineData("I always get internal compiler error: Killed (program cc1plus) when I build it")]
    [InlineData("Why do I get: internal compiler error: Killed (program cc1plus)")]
    [InlineData("c++: internal compiler error: Killed (program cc1plus) again and again")]
    [InlineData("the docs say nvcc error : 'cicc' died due to signal 9 (Kill signal) means memory")]
    [InlineData("src/a.cpp:12:3: internal compiler error: in tsubst_copy, at cp/pt.c:16052")]
    public void Other_signals_and_prose_are_no_compiler_kill(string line)
    {
        var report = Analyze.Text(NinjaStart + line + "\n" + NinjaEnd);

        Assert.DoesNotContain(report.Tracebacks, t => t is { Kind: "signal", ExceptionType: "SIGKILL" });
        Assert.NotEqual("host_oom", report.Analysis?.ErrorType);
    }
}
