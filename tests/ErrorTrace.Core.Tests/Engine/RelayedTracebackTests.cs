using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>A runner that logs its child's stderr line by line as its own records (fluxgym's "[time] [INFO] …").</summary>
public class RelayedTracebackTests
{
    [Fact]
    public void A_traceback_relayed_as_info_records_is_read_from_their_messages()
    {
        var report = Analyze.Text(
            "[2024-09-09 17:43:50] [INFO] caching text encoder outputs\n"
            + "[2024-09-09 17:43:57] [INFO] Traceback (most recent call last):\n"
            + "[2024-09-09 17:43:57] [INFO] File \"F:\\Flux_Gym\\fluxgym\\sd-scripts\\flux_train_network.py\", line 519, in <module>\n"
            + "[2024-09-09 17:43:57] [INFO] trainer.train(args)\n"
            + "[2024-09-09 17:43:57] [INFO] File \"F:\\Flux_Gym\\fluxgym\\sd-scripts\\flux_train_network.py\", line 218, in cache_text_encoder_outputs_if_needed\n"
            + "[2024-09-09 17:43:57] [INFO] text_encoders[1].to(accelerator.device)\n"
            + "[2024-09-09 17:43:57] [INFO] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 64.00 MiB.\n"
            + "[2024-09-09 17:43:58] [INFO] Command exited with code 1\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("torch.OutOfMemoryError", root.ExceptionType);
        Assert.Equal(["<module>", "cache_text_encoder_outputs_if_needed"], root.Frames.Select(f => f.Function));
        Assert.Equal("text_encoders[1].to(accelerator.device)", root.Frames[^1].Code);
        Assert.Equal(2, root.FirstLine);
    }

    [Fact]
    public void A_record_after_the_relayed_traceback_is_read_as_usual()
    {
        var report = Analyze.Text(
            "2024-01-01 10:00:00,000 - runner - INFO - Traceback (most recent call last):\n"
            + "2024-01-01 10:00:00,000 - runner - INFO - File \"/app/train.py\", line 3, in <module>\n"
            + "2024-01-01 10:00:00,000 - runner - INFO - ValueError: bad\n"
            + "2024-01-01 10:00:01,000 - runner - ERROR - child failed\n");

        Assert.Equal("ValueError", report.Traceback?.ExceptionType);
        Assert.Contains(report.Errors, e => e.Message.Contains("child failed", StringComparison.Ordinal));
    }

    /// <summary>vLLM's logger (<c>LEVEL MM-DD HH:MM:SS file:line]</c>, bracketed since v0.8) relays the engine's
    /// traceback as ERROR records; an excerpt may start after the header (vllm-9290 of the real-log corpus).</summary>
    [Theory]
    [InlineData("ERROR 10-11 12:27:29 engine.py:157] ")]
    [InlineData("ERROR 05-20 10:01:02 [core.py:61] ")]
    public void A_traceback_relayed_by_vllms_logger_is_read_from_its_records(string header)
    {
        var report = Analyze.Text(
            header + "Traceback (most recent call last):\n"
            + header + "  File \"/vllm/engine/multiprocessing/engine.py\", line 218, in run_engine_loop\n"
            + header + "    request_outputs = self.engine_step()\n"
            + header + "RuntimeError: Error in model execution: CUDA error: an illegal memory access was encountered\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("RuntimeError", "run_engine_loop", 1L), (root.ExceptionType, root.Frames[^1].Function, root.FirstLine));
    }

    /// <summary>An error record whose message is an exception line or repr is that exception (vLLM logs it before the
    /// traceback).</summary>
    [Theory]
    [InlineData("ERROR 10-11 12:27:29 engine.py:157] OutOfMemoryError('CUDA out of memory. Tried to allocate 138.00 MiB.')\n", "OutOfMemoryError")]
    [InlineData("2024-12-19 21:40:35,123 - worker - ERROR - RuntimeError: CUDA error: an illegal memory access was encountered\n", "RuntimeError")]
    public void An_error_records_exception_line_is_the_exception(string log, string type)
    {
        Assert.Equal(type, Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback).ExceptionType);
    }

    [Theory]
    [InlineData("INFO 10-11 12:27:29 engine.py:157] RuntimeError: only an info record\n")]
    [InlineData("ERROR 10-11 12:27:29 engine.py:157] Error executing method update_weight. This might cause deadlock.\n")]
    public void Other_records_are_no_exception(string log)
    {
        Assert.Null(Analyze.Text(log).Traceback);
    }
}
