namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Errors a native library prints itself and then exits on, with no Python exception around them.</summary>
public class NativeErrorLineTests
{
    [Fact]
    public void Bitsandbytes_missing_kernel_image_after_a_progress_bar_is_a_cuda_error()
    {
        var report = Analyze.Text(
            "Steps:   0%|          | 0/1000 [00:00<?, ?it/s]Error no kernel image is available for execution on the device at line 167 in file D:\\ai\\tool\\bitsandbytes\\csrc\\ops.cu\n"
            + "Press any key to continue . . .\n");

        var error = Assert.Single(report.Errors);
        Assert.Contains("no kernel image is available", error.Message, StringComparison.Ordinal);
        Assert.Equal(("cuda_error", "cuda-driver-or-arch-mismatch"), (report.Analysis?.ErrorType, report.Analysis?.RuleId));
    }

    [Fact]
    public void Prose_about_availability_is_no_error()
    {
        var report = Analyze.Text("GPU available: True (cuda), used: True\nTPU available: False, using: 0 TPU cores\n");

        Assert.Empty(report.Errors);
    }
}
