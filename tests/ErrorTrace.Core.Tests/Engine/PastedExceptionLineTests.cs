using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>An exception line pasted without its traceback, behind a Markdown quote or emphasis, or glued after a label
/// or text in another script: the exception is read; English prose that names an error is not.</summary>
public class PastedExceptionLineTests
{
    [Theory]
    [InlineData("> RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB", "RuntimeError", "CUDA out of memory. Tried to allocate 20.00 MiB")]
    [InlineData("_**RuntimeError: Expected all tensors to be on the same device**_", "RuntimeError", "Expected all tensors to be on the same device")]
    [InlineData("`jaxlib.xla_extension.XlaRuntimeError: RESOURCE_EXHAUSTED: Error allocating device buffer`", "jaxlib.xla_extension.XlaRuntimeError", "RESOURCE_EXHAUSTED: Error allocating device buffer")]
    [InlineData("actual error: RuntimeError: Error(s) in loading state_dict for Net:", "RuntimeError", "Error(s) in loading state_dict for Net:")]
    [InlineData("运行train.py的时候报错RuntimeError: CUDA error: CUBLAS_STATUS_NOT_INITIALIZED when calling `cublasCreate(handle)`", "RuntimeError", "CUDA error: CUBLAS_STATUS_NOT_INITIALIZED when calling `cublasCreate(handle)`")]
    [InlineData("running `x.cuda()` returns **RuntimeError: CUDA error: no kernel image is available**", "RuntimeError", "CUDA error: no kernel image is available")]
    [InlineData("_IndexError: Target 78 is out of bounds._", "IndexError", "Target 78 is out of bounds.")]
    [InlineData("_RuntimeError: CUDA out of memory. Tried to allocate 572.00 MiB (GPU 0; 23.99 GiB total capacity)", "RuntimeError", "CUDA out of memory. Tried to allocate 572.00 MiB (GPU 0; 23.99 GiB total capacity)")]
    [InlineData("_pickle.UnpicklingError: invalid load key, 'v'.", "_pickle.UnpicklingError", "invalid load key, 'v'.")]
    [InlineData("(VllmWorkerProcess pid=195295) ERROR 03-02 19:49:43 [multiproc_worker_utils.py:242] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB.", "torch.OutOfMemoryError", "CUDA out of memory. Tried to allocate 20.00 MiB.")]
    [InlineData("ERROR 07-24 14:07:40 multiproc_worker_utils.py:226] ValueError: The model's max seq len (131072) is too large.", "ValueError", "The model's max seq len (131072) is too large.")]
    [InlineData("\"RuntimeError: Expected to have finished reduction in the prior iteration\"", "RuntimeError", "Expected to have finished reduction in the prior iteration")]
    [InlineData("\" RuntimeError: [enforce fail at alloc_cpu.cpp:81] data. DefaultCPUAllocator: not enough memory", "RuntimeError", "[enforce fail at alloc_cpu.cpp:81] data. DefaultCPUAllocator: not enough memory")]
    [InlineData("'RuntimeError: copy_if failed to synchronize: cudaErrorIllegalAddress: an illegal memory access was encountered' ", "RuntimeError", "copy_if failed to synchronize: cudaErrorIllegalAddress: an illegal memory access was encountered")]
    [InlineData("-  RuntimeError: DataLoader worker (pid 88428) is killed by signal: Killed. ", "RuntimeError", "DataLoader worker (pid 88428) is killed by signal: Killed.")]
    [InlineData("E       RuntimeError: NCCL error in: ProcessGroupNCCL.cpp:957, unhandled system error, NCCL version 21.0.3", "RuntimeError", "NCCL error in: ProcessGroupNCCL.cpp:957, unhandled system error, NCCL version 21.0.3")]
    [InlineData("[torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 16.63 GiB.", "torch.cuda.OutOfMemoryError", "CUDA out of memory. Tried to allocate 16.63 GiB.")]
    [InlineData("But am getting this error \"OSError: [Errno 30] Read-only file system: '/media'\"", "OSError", "[Errno 30] Read-only file system: '/media'")]
    [InlineData("loading anno.ndjson raised this problem \u2018json.decoder.JSONDecodeError: Expecting ',' delimiter: line 1\u2019", "json.decoder.JSONDecodeError", "Expecting ',' delimiter: line 1\u2019")]
    [InlineData("/envs/vjepa2/bin/python: Error while finding module specification for 'x.py' (ModuleNotFoundError: __path__ attribute not found on 'x')", "ModuleNotFoundError", "__path__ attribute not found on 'x')")]
    [InlineData("[CANNKB][Tid:2440326]\"ModuleNotFoundError: No module named 'tbe.common'", "ModuleNotFoundError", "No module named 'tbe.common'")]
    public void The_pasted_exception_line_is_read(string line, string type, string message)
    {
        var report = Analyze.Text("I ran the script and got:\n\n" + line + "\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal((type, message), (root.ExceptionType, root.ExceptionMessage));
    }

    [Theory]
    [InlineData("the job failed with ValueError: bad input, so I retried")]
    [InlineData("> note: nothing failed here")]
    [InlineData("see the docs: errors.md explains it")]
    [InlineData("- the loader: it fails with a ValueError: sometimes")]
    [InlineData("Each line: \"the ValueError: here\" is quoted prose")]
    [InlineData("a bracketed note [see the ValueError: below] is prose")]
    [InlineData("the fix (a smaller batch) avoids ValueError: sometimes")]
    public void Prose_that_names_an_error_is_not_an_exception_line(string line)
    {
        var report = Analyze.Text(line + "\n");

        Assert.Null(report.Traceback);
    }

    [Fact]
    public void A_traceback_elsewhere_stays_the_root_cause()
    {
        var report = Analyze.Text(
            "> RuntimeError: CUDA out of memory.\n"
            + "\n"
            + "Traceback (most recent call last):\n"
            + "  File \"test.py\", line 9, in <module>\n"
            + "    y = net(x)\n"
            + "RuntimeError: CUDA out of memory.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("RuntimeError", "<module>"), (root.ExceptionType, root.Frames[^1].Function));
    }
}
