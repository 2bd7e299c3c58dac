using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the families of <see cref="LaunchAndNonFiniteCases"/> must not take: DDP's warning of a run that works, a GPU
/// kernel built for another architecture, NCCL failing at run time, NaN in the input data, scikit-learn refusing NaN in
/// the data it fits, an optimiser's objective that returned NaN.
/// </summary>
public sealed class LaunchAndNonFiniteNearMissTests
{
    [Fact]
    public void Ddps_warning_that_no_parameter_was_unused_is_not_a_failure() =>
        Assert.NotEqual("config-ddp-graph-does-not-fit-the-wrapper", Classify(Context(
            "UserWarning: find_unused_parameters=True was specified in DDP constructor, but did not find any unused parameters in the forward pass. This flag results in an extra traversal of the autograd graph every iteration"))?.RuleId);

    [Theory]
    [InlineData("CUDA error: invalid device function")]
    [InlineData("CUDA error: no kernel image is available for execution on the device")]
    public void A_kernel_built_for_another_gpu_is_not_a_device_index(string message) =>
        Assert.NotEqual("config-device-not-visible", Classify(In(Py("RuntimeError", message, ["train.py:main", Sp + "torch/nn/functional.py:conv2d"])))?.RuleId);

    [Theory]
    [InlineData("NCCL error in: ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:1275, unhandled system error, NCCL version 2.14.3")]
    [InlineData("Distributed package doesn't have MPI built in. MPI is only included if you build PyTorch from source on a host that has MPI installed.")]
    public void Nccl_failing_at_run_time_or_another_backend_is_not_the_launch_setup(string message) =>
        Assert.NotEqual("config-distributed-launch-setup", Classify(In(Py("RuntimeError", message,
            ["train.py:main", Sp + "torch/distributed/distributed_c10d.py:all_reduce"])))?.RuleId);

    [Theory]
    [InlineData("ValueError: NaN values found in input column 'age'")]
    [InlineData("AssertionError: nan found in input features of sample 1841")]
    [InlineData("check_numerics: no NaN found in weights after step 2000")]
    public void Nan_in_the_input_data_is_not_the_models_output(string line)
    {
        var analysis = Classify(Context(line));
        Assert.NotEqual("numerical-non-finite-output", analysis?.RuleId);
    }

    [Fact]
    public void Scikit_learn_refusing_nan_in_the_data_it_fits_is_not_a_metric_on_predictions() =>
        Assert.NotEqual("numerical-metric-on-non-finite-predictions", Classify(In(Py("ValueError",
            "Input X contains NaN.\nRandomForestClassifier does not accept missing values encoded as NaN natively.",
            ["fit.py:main", Sp + "sklearn/ensemble/_forest.py:fit", Sp + "sklearn/utils/validation.py:check_array", Sp + "sklearn/utils/validation.py:_assert_all_finite"])))?.RuleId);

    [Fact]
    public void An_optimisers_objective_that_returned_nan_is_not_a_backward_node() =>
        Assert.NotEqual("numerical-anomaly-nan-backward", Classify(Context("scipy: the objective function returned nan at x0"))?.RuleId);

    private static ClassificationInput Context(string line) => new(null, [], [], null) { Context = [new ContextLine(1, line)] };

    private static FailureAnalysis? Classify(ClassificationInput input) => FailureClassifier.Classify(input, RuleSet.Default);
}
