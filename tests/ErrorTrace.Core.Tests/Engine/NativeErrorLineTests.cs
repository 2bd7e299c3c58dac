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
    public void A_program_s_bare_error_prefix_is_an_error_but_no_exception_type()
    {
        var report = Analyze.Text(
            "2023-07-06T09:12:01.123Z ERROR text_generation_launcher: Webserver Crashed\n"
            + "Error: Warmup(Generation(\"Not enough memory to handle 4096 prefill tokens.\"))\n");

        Assert.Null(report.Traceback);
        Assert.Contains(report.Errors, e => e.Message.StartsWith("Error: Warmup", StringComparison.Ordinal));
    }

    [Fact]
    public void The_exception_line_after_a_bare_error_prefix_is_the_root()
    {
        var report = Analyze.Text(
            "Error:\n"
            + "ResourceExhaustedError: OOM when allocating tensor with shape[64,64,3,3] and type float\n");

        Assert.Equal("ResourceExhaustedError", report.Traceback?.ExceptionType);
    }

    [Fact]
    public void Prose_about_availability_is_no_error()
    {
        var report = Analyze.Text("GPU available: True (cuda), used: True\nTPU available: False, using: 0 TPU cores\n");

        Assert.Empty(report.Errors);
    }
}
