using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Tracebacks cut before their exception line (Analysis/CutTracebacks): the exception line that a paste's blank
/// lines or fences separated from the frames is theirs; a chain whose last part was cut after its header keeps its earlier
/// parts. Wordings from the real-log corpus.</summary>
public class CutTracebackTests
{
    [Fact]
    public void An_exception_line_after_a_blank_line_that_ended_the_frames_carries_them()
    {
        // nccl-875: the paste put a blank line between the last frame and the exception line.
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"/gf3/home/lei/zhenghao/Autoplanner/autoplanner/algorithms/myalgorithm/comm_op/comm_op.py\", line 53, in forward\n"
            + "    dist.all_gather(buffer_list, inputs, group=group)\n"
            + "  File \"/gf3/home/lei/anaconda3/envs/zh/lib/python3.9/site-packages/torch/distributed/distributed_c10d.py\", line 2070, in all_gather\n"
            + "    work = group.allgather([tensor_list], [tensor])\n"
            + "\n"
            + "RuntimeError: NCCL error in: /work/torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:1191, unhandled system error, NCCL version 2.14.3\n"
            + "\n"
            + "ncclSystemError: System call (e.g. socket, malloc) or external library call failed or device error.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("RuntimeError", root.ExceptionType);
        Assert.Equal(2, root.Frames.Count);
        Assert.Equal(("all_gather", 2070), (root.Frames[^1].Function, root.Frames[^1].Line));
        Assert.Equal(1, root.FirstLine);
    }

    [Fact]
    public void A_double_spaced_paste_without_a_header_keeps_its_frame()
    {
        // yolox-1421: every line followed by a blank one.
        var report = Analyze.Text(
            "File \"/opt/conda/lib/python3.6/site-packages/torch/distributed/distributed_c10d.py\", line 2709, in barrier\n"
            + "\n"
            + "work = default_pg.barrier(opts=opts)\n"
            + "\n"
            + "RuntimeError: NCCL error in: ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:957, unhandled system error, NCCL version 21.0.3\n"
            + "\n"
            + "ncclSystemError: System call (socket, malloc, munmap, etc) failed.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("RuntimeError", "barrier"), (root.ExceptionType, root.Frames[^1].Function));
    }

    [Fact]
    public void An_exception_line_after_a_code_fence_carries_the_frames_before_it()
    {
        // dc-tts-64: the frame pasted inside a fence, the exception line after it.
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + " ```\n"
            + " File \"train.py\", line 139, in <module>\n"
            + "    num = int(sys.argv[1])\n"
            + "```\n"
            + "IndexError: list index out of range\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("IndexError", "train.py", "<module>"), (root.ExceptionType, root.Frames[^1].File, root.Frames[^1].Function));
    }

    [Fact]
    public void An_exception_line_far_from_the_cut_frames_does_not_take_them()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"train.py\", line 10, in <module>\n"
            + "    main()\n"
            + "\n"
            + "epoch 1 loss 0.5\n"
            + "epoch 2 loss 0.4\n"
            + "epoch 3 loss 0.3\n"
            + "epoch 4 loss 0.2\n"
            + "epoch 5 loss 0.1\n"
            + "ValueError: bad value\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("ValueError", root.ExceptionType);
        Assert.Empty(root.Frames);
    }

    [Fact]
    public void An_exception_line_before_a_traceback_does_not_take_its_frames()
    {
        // nccl-520: the end of an earlier printout (its frames above the excerpt), then the launcher's own traceback.
        var report = Analyze.Text(
            "RuntimeError: NCCL error in: ../torch/lib/c10d/ProcessGroupNCCL.cpp:825, internal error, NCCL version 20.9.9\n"
            + "ncclInternalError: Internal check failed. This is either a bug in NCCL or due to memory corruption\n"
            + "Traceback (most recent call last):\n"
            + "  File \"/opt/conda/lib/python3.6/site-packages/deepspeed/launcher/launch.py\", line 161, in main\n"
            + "    sigkill_handler(signal.SIGTERM, None)  # not coming back\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("RuntimeError", root.ExceptionType);
        Assert.Empty(root.Frames);
    }

    [Fact]
    public void A_chain_whose_last_part_is_cut_after_its_header_keeps_its_first_exception()
    {
        // deepspeed-6892: the excerpt ends on the second part's header.
        var report = Analyze.Text(
            "Building extension module fused_adam...\n"
            + "Traceback (most recent call last):\n"
            + "  File \"[...]dl_env/lib/python3.11/site-packages/torch/utils/cpp_extension.py\", line 2105, in _run_ninja_build\n"
            + "    subprocess.run(\n"
            + "  File \"[...].pyenv/versions/3.11.9/lib/python3.11/subprocess.py\", line 571, in run\n"
            + "    raise CalledProcessError(retcode, process.args,\n"
            + "subprocess.CalledProcessError: Command '['ninja', '-v']' returned non-zero exit status 1.\n"
            + "\n"
            + "The above exception was the direct cause of the following exception:\n"
            + "\n"
            + "Traceback (most recent call last):\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("", root.ExceptionType);
        var first = Assert.Single(root.Chain);
        Assert.Equal(("subprocess.CalledProcessError", "run"), (first.ExceptionType, first.Frames[^1].Function));
    }
}
