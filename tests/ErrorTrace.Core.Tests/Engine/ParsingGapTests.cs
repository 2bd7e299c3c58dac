using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Shapes of real logs the parser used to misread (issue 12, item 6): a rank prefix without its own space, a
/// death glued to a progress bar, a C++ abort whose first copy has no what(), terminal-wrapped frame lines, and a
/// traceback indented as a whole.</summary>
public class ParsingGapTests
{
    [Fact]
    public void A_rank_prefix_without_a_space_keeps_an_exception_groups_margins()
    {
        // torchelastic's template prefix ("[rank${rank}]:") has no space; the margin is CPython's two spaces.
        var report = Analyze.Text(
            "[rank0]:Starting training\n"
            + "[rank0]:  + Exception Group Traceback (most recent call last):\n"
            + "[rank0]:  |   File \"/app/train.py\", line 10, in <module>\n"
            + "[rank0]:  |     main()\n"
            + "[rank0]:  | ExceptionGroup: workers failed (2 sub-exceptions)\n"
            + "[rank0]:  +-+---------------- 1 ----------------\n"
            + "[rank0]:    | Traceback (most recent call last):\n"
            + "[rank0]:    |   File \"/app/worker.py\", line 3, in load\n"
            + "[rank0]:    |     open(path)\n"
            + "[rank0]:    | FileNotFoundError: [Errno 2] No such file or directory: 'a.bin'\n"
            + "[rank0]:    +---------------- 2 ----------------\n"
            + "[rank0]:    | ValueError: bad shard\n"
            + "[rank0]:    +------------------------------------\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("ExceptionGroup", 0), (root.ExceptionType, root.Rank));
        Assert.Equal(["FileNotFoundError", "ValueError"], root.SubExceptions.Select(s => s.ExceptionType));
        Assert.Equal("[Errno 2] No such file or directory: 'a.bin'", root.SubExceptions[0].ExceptionMessage);
    }

    [Fact]
    public void A_group_header_at_an_odd_column_shows_the_prefix_has_no_space_before_any_other_line()
    {
        var report = Analyze.Text(
            "[rank1]:  + Exception Group Traceback (most recent call last):\n"
            + "[rank1]:  |   File \"/app/train.py\", line 10, in <module>\n"
            + "[rank1]:  | ExceptionGroup: workers failed (1 sub-exception)\n"
            + "[rank1]:  +-+---------------- 1 ----------------\n"
            + "[rank1]:    | KeyError: 'labels'\n"
            + "[rank1]:    +------------------------------------\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("KeyError", Assert.Single(root.SubExceptions).ExceptionType);
    }

    [Fact]
    public void A_rank_prefix_without_a_space_keeps_the_indentation_of_message_lines()
    {
        var report = Analyze.Text(
            "[rank0]:Traceback (most recent call last):\n"
            + "[rank0]:  File \"/app/train.py\", line 10, in <module>\n"
            + "[rank0]:    main()\n"
            + "[rank0]:ValueError: config invalid:\n"
            + "[rank0]:  indented line\n"
            + "[rank0]:    deeper\n");

        Assert.Equal("config invalid:\n  indented line\n    deeper", report.Traceback?.ExceptionMessage);
    }

    [Fact]
    public void PyTorchs_spaced_rank_prefix_is_still_stripped_with_its_space()
    {
        var report = Analyze.Text(
            "[rank0]:[W1023 10:00:00.000000 ProcessGroupNCCL.cpp:1250] Warning: something\n"
            + "[rank0]: Traceback (most recent call last):\n"
            + "[rank0]:   File \"/app/train.py\", line 10, in <module>\n"
            + "[rank0]:     main()\n"
            + "[rank0]: ValueError: config invalid:\n"
            + "[rank0]:   indented line\n");

        Assert.Equal("config invalid:\n  indented line", report.Traceback?.ExceptionMessage);
    }

    [Fact]
    public void A_death_glued_to_a_progress_bar_reports_the_death_with_the_progress_as_context()
    {
        var report = Analyze.Text(
            "  6%|██████                                                                                      | 3787/62565 [04:47<1:18:33, 12.47it/s]Killed\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", "SIGKILL", "Killed", "3787/62565 (6%), 04:47 elapsed"), (root.Kind, root.ExceptionType, root.ExceptionMessage, root.Progress));
        Assert.Equal("Process killed by SIGKILL: Killed (at 3787/62565 (6%), 04:47 elapsed)", report.ErrorSummary);
        Assert.Equal("Killed (at 3787/62565 (6%), 04:47 elapsed)", Assert.Single(report.Errors).Message);
        Assert.All(report.Analysis!.Evidence, e => Assert.DoesNotContain("█", e.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_bare_killed_after_an_error_record_is_a_death_not_more_of_its_message()
    {
        var report = Analyze.Text(
            "[2025-12-10 03:58:22] [__main__] [ERROR] [SFT] Cannot use chat template for sample 12\n"
            + "Killed\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", "SIGKILL", 2L), (root.Kind, root.ExceptionType, root.FirstLine));
        Assert.Equal("failed", report.Status);
    }

    [Fact]
    public void The_copy_of_a_cpp_abort_that_carries_what_is_the_root()
    {
        // Every rank aborts at once; the first header's what() never came (another record cut in).
        var report = Analyze.Text(
            "terminate called after throwing an instance of 'c10::DistBackendError'\n"
            + "[E1023 10:00:00.000000 ProcessGroupNCCL.cpp:1595] [PG 0 Rank 3] Process group watchdog thread terminated with exception\n"
            + "terminate called after throwing an instance of 'c10::DistBackendError'\n"
            + "  what():  [PG 0 Rank 2] Process group watchdog thread terminated with exception: [Rank 2] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=4, OpType=BROADCAST, NumelIn=112, NumelOut=112, Timeout(ms)=1800000) ran for 1800011 milliseconds before timing out.\n"
            + "Exception raised from checkTimeout at /pytorch/torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:632 (most recent call first):\n"
            + "frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x96 (0x7f5a9616c1b6 in /lib/libc10.so)\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("cpp", 3L), (root.Kind, root.FirstLine));
        Assert.StartsWith("[PG 0 Rank 2]", root.ExceptionMessage, StringComparison.Ordinal);
        Assert.Equal("checkTimeout", root.Frames[^1].Function);
    }

    [Fact]
    public void Std_terminate_after_a_python_cuda_error_is_not_the_root()
    {
        // The rank's traceback stays open until the end of the log (its process aborted), after the unprefixed abort.
        var report = Analyze.Text(
            "[rank1]: Traceback (most recent call last):\n"
            + "[rank1]:   File \"/app/train.py\", line 5, in step\n"
            + "[rank1]:     loss.backward()\n"
            + "[rank1]: RuntimeError: CUDA error: an illegal memory access was encountered\n"
            + "[rank1]: CUDA kernel errors might be asynchronously reported at some other API call, so the stacktrace below might be incorrect.\n"
            + "terminate called without an active exception\n"
            + "Aborted (core dumped)\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("RuntimeError", 1), (root.ExceptionType, root.Rank));
        Assert.Equal(["RuntimeError", "std::terminate"], report.Tracebacks.Select(t => t.ExceptionType));
    }

    [Fact]
    public void A_frame_path_wrapped_by_the_terminal_is_joined_back()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"/home/user/anaconda3/envs/llm/lib/python3.10/site-packages/transformers/models/llama/modeling_lla\n"
            + "ma.py\", line 123, in forward\n"
            + "    return self.mlp(x)\n"
            + "  File \"/home/user/anaconda3/envs/llm/lib/python3.10/site-packages/torch/nn/modules/module.py\", line 1501\n"
            + ", in _call_impl\n"
            + "    return forward_call(*args, **kwargs)\n"
            + "  File \"/home/user/anaconda3/envs/llm/lib/python3.10/site-packages/torch/nn/functional.py\", line 17\n"
            + "12, in silu\n"
            + "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(
            [
                ("/home/user/anaconda3/envs/llm/lib/python3.10/site-packages/transformers/models/llama/modeling_llama.py", 123, "forward", "return self.mlp(x)"),
                ("/home/user/anaconda3/envs/llm/lib/python3.10/site-packages/torch/nn/modules/module.py", 1501, "_call_impl", "return forward_call(*args, **kwargs)"),
                ("/home/user/anaconda3/envs/llm/lib/python3.10/site-packages/torch/nn/functional.py", 1712, "silu", null),
            ],
            root.Frames.Select(f => (f.File, f.Line ?? 0, f.Function, f.Code)));
        Assert.Equal("torch.OutOfMemoryError", root.ExceptionType);
    }

    [Fact]
    public void A_syntax_error_location_is_not_taken_for_a_wrapped_frame()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"/home/user/anaconda3/envs/llm/lib/python3.10/site-packages/mypackage/config_loader.py\", line 3\n"
            + "    x = (1,\n"
            + "        ^\n"
            + "SyntaxError: '(' was never closed\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        var frame = Assert.Single(root.Frames);
        Assert.Equal((3, "", "x = (1,"), (frame.Line ?? 0, frame.Function, frame.Code));
        Assert.Equal("SyntaxError", root.ExceptionType);
    }

    [Theory]
    [InlineData("    ")]
    [InlineData("  ")]
    [InlineData("\t")]
    public void A_traceback_indented_as_a_whole_keeps_its_exception_line(string indent)
    {
        // A logger that indents every line of a record, or a traceback quoted in a report (boltons' tbutils tests).
        var report = Analyze.Text(
            "2024-01-01 12:00:00 worker failed:\n"
            + indent + "Traceback (most recent call last):\n"
            + indent + "  File \"/app/train.py\", line 10, in <module>\n"
            + indent + "    main()\n"
            + indent + "  File \"/app/train.py\", line 7, in main\n"
            + indent + "    load()\n"
            + indent + "FileNotFoundError: [Errno 2] No such file or directory: 'data.bin'\n"
            + "next line of the program\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("FileNotFoundError", "[Errno 2] No such file or directory: 'data.bin'"), (root.ExceptionType, root.ExceptionMessage));
        Assert.Equal(["<module>", "main"], root.Frames.Select(f => f.Function));
        Assert.Equal("load()", root.Frames[^1].Code);
    }

    [Fact]
    public void A_keras_nan_stop_glued_to_its_bar_is_an_error_entry_with_the_progress()
    {
        var report = Analyze.Text(
            "Epoch 1/10\n"
            + "  12/100 [==>...........................] - ETA: 1:23 - loss: nanBatch 12: Invalid loss, terminating training\n");

        var entry = Assert.Single(report.Errors);
        Assert.Equal(("error", "Batch 12: Invalid loss, terminating training (at 12/100)"), (entry.Level, entry.Message));
    }

    [Fact]
    public void A_lightning_non_finite_stop_is_an_error_entry_and_its_patience_stop_is_not()
    {
        var nan = Analyze.Text(
            "Epoch 3: 100%|██████████| 50/50 [00:10<00:00, 4.90it/s, loss=nan, v_num=1]Monitored metric val_loss = nan is not finite. Previous best value was 0.432. Signaling Trainer to stop.\n");
        var patience = Analyze.Text(
            "Epoch 9: 100%|██████████| 50/50 [00:10<00:00, 4.90it/s, loss=0.31, v_num=1]Monitored metric val_loss did not improve in the last 3 records. Best score: 0.432. Signaling Trainer to stop.\n");

        Assert.Equal("Monitored metric val_loss = nan is not finite. Previous best value was 0.432. Signaling Trainer to stop. (at Epoch 3 50/50 (100%), 00:10 elapsed)", Assert.Single(nan.Errors).Message);
        Assert.Empty(patience.Errors);
    }

    [Theory]
    [InlineData("2020-05-14 10:12:34.567890: F tensorflow/stream_executor/cuda/cuda_driver.cc:175] Check failed: err == cudaSuccess || err == cudaErrorInvalidValue Unexpected CUDA error: uncorrectable ECC error encountered",
        "tensorflow/stream_executor/cuda/cuda_driver.cc:175")]
    [InlineData("F tensorflow/core/common_runtime/bfc_allocator.cc:458] Check failed: c->in_use() && (c->bin_num == kInvalidBinNum)",
        "tensorflow/core/common_runtime/bfc_allocator.cc:458")]
    [InlineData("2022-03-01 10:00:00.000000: F external/org_tensorflow/tensorflow/compiler/xla/service/gpu/gpu_compiler.cc:1234] Out of memory while trying to allocate 1234 bytes.",
        "external/org_tensorflow/tensorflow/compiler/xla/service/gpu/gpu_compiler.cc:1234")]
    [InlineData("F0715 12:00:00.123456  1234 gpu_event_mgr.cc:274] Unexpected Event status: 1", "gpu_event_mgr.cc:274")]
    public void A_glog_fatal_record_is_a_sigabrt_death_with_its_message(string line, string location)
    {
        var report = Analyze.Text(
            "2020-05-14 10:12:33.123456: I tensorflow/stream_executor/platform/default/dso_loader.cc:44] Successfully opened dynamic library libcublas.so.10\n"
            + line + "\n"
            + "Aborted (core dumped)\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        var message = line[(line.IndexOf("] ", StringComparison.Ordinal) + 2)..];
        Assert.Equal(("signal", "SIGABRT", message, 2L), (root.Kind, root.ExceptionType, root.ExceptionMessage, root.FirstLine));
        Assert.Single(report.Tracebacks);
        var entry = Assert.Single(report.Errors, e => e.Source == "record" && e.Level == "error");
        Assert.Equal((message, location), (entry.Message, entry.Logger));
        Assert.Equal("failed", report.Status);
    }

    [Fact]
    public void TensorFlows_info_and_warning_lines_are_records_not_failures()
    {
        var report = Analyze.Text(
            "2021-04-14 10:22:36.118770: I tensorflow/core/platform/cpu_feature_guard.cc:142] This TensorFlow binary is optimized with oneDNN\n"
            + "2021-04-14 10:22:37.000000: W tensorflow/core/common_runtime/bfc_allocator.cc:314] Allocator (GPU_0_bfc) ran out of memory trying to allocate 2.00GiB\n");

        Assert.Empty(report.Tracebacks);
        var warning = Assert.Single(report.Errors);
        Assert.Equal(("warning", "tensorflow/core/common_runtime/bfc_allocator.cc:314"), (warning.Level, warning.Logger));
    }
}
