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
}
