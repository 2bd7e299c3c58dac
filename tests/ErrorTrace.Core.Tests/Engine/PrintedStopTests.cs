namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Failures a training loop prints instead of raising: a NaN-loss stop, IPython's <c>SystemExit: 1</c>.</summary>
public class PrintedStopTests
{
    [Fact]
    public void A_printed_nan_loss_stop_is_a_numerical_error()
    {
        var report = Analyze.Text(
            "Epoch: [0]  [ 0/65]  loss: 2.9749 (2.9749)\n"
            + "Loss is nan, stopping training\n"
            + "\n"
            + "SystemExit: 1\n");

        Assert.Equal("numerical_error", report.Analysis?.ErrorType);
        Assert.Equal("SystemExit", report.Traceback?.ExceptionType);
    }

    [Theory]
    [InlineData("SystemExit: 0")]
    [InlineData("SystemExit: None")]
    public void A_successful_exit_is_not_a_failure(string line)
    {
        var report = Analyze.Text("done\n" + line + "\n");

        Assert.Null(report.Traceback);
        Assert.Empty(report.Errors);
    }
}
