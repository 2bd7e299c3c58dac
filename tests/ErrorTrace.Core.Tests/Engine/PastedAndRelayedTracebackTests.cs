using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Tracebacks as pastes and relays damage them: markdown's inline code around each line, and a logger's relay
/// (vLLM's workers and engine core) whose excerpt starts after the header.</summary>
public class PastedAndRelayedTracebackTests
{
    [Fact]
    public void A_traceback_with_each_line_in_inline_code_is_read_without_the_backticks()
    {
        var report = Analyze.Text(
            "`>>> import torch`\n"
            + "`Traceback (most recent call last):`\n"
            + "`  File \"<stdin>\", line 1, in <module>`\n"
            + " ` File \"/env/lib/python2.7/site-packages/torch/__init__.py\", line 53, in <module>\n"
            + "    from torch._C import *`\n"
            + "`ImportError: /env/lib/python2.7/site-packages/torch/_C.so: undefined symbol: _ZN4thpp10THCSTensor`\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("ImportError", root.ExceptionType);
        Assert.EndsWith("undefined symbol: _ZN4thpp10THCSTensor", root.ExceptionMessage, StringComparison.Ordinal);
        Assert.Equal(("/env/lib/python2.7/site-packages/torch/__init__.py", "<module>"), (root.Frames[^1].File, root.Frames[^1].Function));
    }

    [Fact]
    public void An_exception_opened_by_a_backtick_with_its_message_closed_lines_later_is_the_exception()
    {
        var report = Analyze.Text(
            "I am getting this issue:-\n\n"
            + "`RuntimeError: \n"
            + "        CUDA Setup failed despite GPU being available. Please run the following command to get more information:\n\n"
            + "        python -m bitsandbytes`\n\n"
            + "I am getting this issue since last 2 days.\n");

        Assert.Equal("RuntimeError", report.Traceback?.ExceptionType);
    }

    [Theory]
    [InlineData("**ValueError: Input 0 is incompatible with layer flatten_2: expected min_ndim=3, found ndim=2**\n", "ValueError")]
    [InlineData("****KeyError: \"MaskRCNN: 'RefineRoIHead is not in the models registry'\"****\n", "KeyError")]
    [InlineData("**RuntimeError: DataLoader worker (pid 7579) is killed by signal: Bus error.\n\n", "RuntimeError")]
    public void An_exception_line_in_markdown_bold_ends_its_traceback(string tail, string type)
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"/usr/lib/python3/dist-packages/keras/engine/topology.py\", line 474, in assert_input_compatibility\n"
            + "    str(K.ndim(x)))\n"
            + tail);

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal((type, "assert_input_compatibility"), (root.ExceptionType, root.Frames[^1].Function));
        Assert.DoesNotContain("*", root.ExceptionMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*** SIGSEGV (@0x0) received by PID 26955 (TID 0x7f2) from PID 0; stack trace: ***\n")]
    [InlineData("slurmstepd: error: *** JOB 123 ON node1 CANCELLED AT 2024-04-20T09:09:37 DUE TO TIME LIMIT ***\n")]
    public void Asterisks_that_are_the_logs_own_stay(string line)
    {
        Assert.Contains(Analyze.Text(line).Tracebacks, t => t.Kind == "signal");
    }

    [Theory]
    [InlineData("Search for `cudaErrorIllegalAddress' in the docs\n")]
    [InlineData("use `torch.compile` here\n")]
    public void Backticks_inside_a_line_are_the_logs_own(string line)
    {
        Assert.Empty(Analyze.Text(line).Tracebacks);
    }

    [Fact]
    public void A_relayed_traceback_cut_before_its_header_opens_at_its_first_frame()
    {
        const string P = "(VllmWorkerProcess pid=6499) ERROR 07-24 14:07:40 multiproc_worker_utils.py:226] ";
        var report = Analyze.Text(
            P + "    return func(*args, **kwargs)\n"
            + P + "  File \"/usr/lib/python3.10/dist-packages/vllm/worker/worker.py\", line 212, in initialize_cache\n"
            + P + "    raise_if_cache_size_invalid(num_gpu_blocks)\n"
            + P + "  File \"/usr/lib/python3.10/dist-packages/vllm/worker/worker.py\", line 372, in raise_if_cache_size_invalid\n"
            + P + "    raise ValueError(\n"
            + P + "ValueError: The model's max seq len (131072) is larger than the maximum number of tokens that can be stored in KV cache (79392).\n"
            + "INFO 07-24 14:07:41 api_server.py:12] shutting down\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("ValueError", "raise_if_cache_size_invalid", 2), (root.ExceptionType, root.Frames[^1].Function, root.Frames.Count));
    }

    [Fact]
    public void A_record_that_quotes_a_frame_inside_an_open_printout_does_not_restart_it()
    {
        const string P = "ERROR 02-21 06:30:25 core.py:291] ";
        var report = Analyze.Text(
            P + "Traceback (most recent call last):\n"
            + P + "  File \"/usr/lib/python3.12/dist-packages/vllm/v1/engine/core.py\", line 284, in run_engine_core\n"
            + P + "    engine_core.run_busy_loop()\n"
            + P + "  File \"/usr/lib/python3.12/dist-packages/vllm/v1/worker/gpu_model_runner.py\", line 997, in execute_model\n"
            + P + "    valid_mask.sum(dim=1).tolist()\n"
            + P + "RuntimeError: CUDA error: an illegal memory access was encountered\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("RuntimeError", 2), (root.ExceptionType, root.Frames.Count));
    }

    [Fact]
    public void A_traceback_cut_before_its_exception_line_is_listed_but_is_no_root()
    {
        var report = Analyze.Text(
            "/opt/conda/lib/python3.7/site-packages/torch/autograd/__init__.py:175: UserWarning: Error detected in PowBackward0. Traceback of forward call that caused the error:\n"
            + "  File \"run_nerf.py\", line 1006, in train\n"
            + "    img_loss0 = img2mse(extras['rgb0'], target_s)\n"
            + " (Triggered internally at  ../torch/csrc/autograd/python_anomaly_mode.cpp:102.)\n");

        Assert.Null(report.Traceback);
        Assert.Contains(report.Tracebacks, t => t.ExceptionType.Length == 0 && t.Frames.Count > 0);
    }

    [Fact]
    public void A_chain_whose_last_printout_was_cut_is_still_the_root_by_its_first_exception()
    {
        var report = Analyze.Text(
            "ERROR: Unexpected segmentation fault encountered in worker.\n\n"
            + "Traceback (most recent call last):\n"
            + "  File \"/usr/lib/python3.6/dist-packages/torch/utils/data/_utils/signal_handling.py\", line 66, in handler\n"
            + "    _error_if_any_worker_fails()\n"
            + "RuntimeError: DataLoader worker (pid 624) is killed by signal: Segmentation fault.\n\n"
            + "The above exception was the direct cause of the following exception:\n\n"
            + "Traceback (most recent call last):\n"
            + "  File \"train_net.py\", line 24, in <module>\n"
            + "    main()\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("RuntimeError", root.Chain[0].ExceptionType);
    }
}
