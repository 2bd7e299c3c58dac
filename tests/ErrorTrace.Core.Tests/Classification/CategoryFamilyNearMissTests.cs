using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Near misses of the families that take a builtin exception away from user_code (a name the registry does not define, a
/// script run without its sys.argv arguments, a distribution's NaN parameter): the same types and near wordings whose
/// mechanism is the user's own bug or the data's content stay where they were. And the kernel's PCIe AER 'Bus Error'
/// lines, which are a device's link fault and not a SIGBUS.
/// </summary>
public sealed class CategoryFamilyNearMissTests
{
    [Theory]
    [InlineData("ValueError", "Undefined dataset mllm_demo in dataset_info.json.")]
    [InlineData("KeyError", "Unknown dataset: cifar100x")]
    [InlineData("ValueError", "Unknown task: hellaswag_v9")]
    [InlineData("AssertionError", "dataset alpaca_zh not found in dataset_info.json")]
    public void A_name_the_registry_does_not_define_is_a_config_error(string type, string message) =>
        Assert.Equal(FailureCategory.ConfigError, Classify(Py(type, message, ["/work/proj/train.py:main", "/work/proj/data/parser.py:get_dataset_list"])).ErrorType);

    [Theory]
    [InlineData("ValueError", "Unsupported dataset format: parquet")]
    [InlineData("ValueError", "unknown format code 'd' for object of type 'float'")]
    [InlineData("KeyError", "'dataset'")]
    public void Near_wordings_about_formats_or_keys_are_not_a_registry_name(string type, string message) =>
        Assert.NotEqual(FailureCategory.ConfigError, Classify(Py(type, message, ["/work/proj/train.py:main", "/work/proj/data/parser.py:load"])).ErrorType);

    [Theory]
    [InlineData("datacfg       = sys.argv[1]", FailureCategory.ConfigError)]
    [InlineData("out_dir = sys.argv[-1]", FailureCategory.ConfigError)]
    [InlineData("label = labels[1]", FailureCategory.UserCode)]
    [InlineData("args = sys.argv[1:]; first = args[3]", FailureCategory.UserCode)]
    public void An_indexerror_on_sys_argv_is_a_missing_argument_and_nothing_else_is(string code, string category)
    {
        var root = Py("IndexError", "list index out of range") with
        {
            Frames = [new TracebackFrame { File = "/home/u/proj/train.py", Function = "<module>", Line = 12, Code = code }],
        };

        Assert.Equal(category, Classify(root).ErrorType);
    }

    [Fact]
    public void A_distribution_parameter_cut_after_its_shape_is_still_numerical() =>
        Assert.Equal(FailureCategory.NumericalError, Classify(Py("ValueError", "Expected parameter loc (Tensor of shape (",
            ["/home/u/legged_gym/scripts/train.py:train", Sp + "torch/distributions/normal.py:__init__"])).ErrorType);

    [Theory]
    [InlineData("ValueError", "Expected more than 1 value per channel when training, got input size torch.Size([1, 256])")]
    [InlineData("TypeError", "Expected parameter to be a Tensor, got list")]
    public void Other_expected_wordings_are_not_a_distributions_nan(string type, string message) =>
        Assert.NotEqual(FailureCategory.NumericalError, Classify(Py(type, message, ["/home/u/proj/train.py:main", Sp + "torch/nn/functional.py:batch_norm"])).ErrorType);

    [Theory]
    [InlineData("Bus error (core dumped)", FailureCategory.Segfault)]
    [InlineData("Fatal Python error: Bus error", FailureCategory.Segfault)]
    [InlineData("[  +0.000005] pcieport 0000:00:03.0: PCIe Bus Error: severity=Corrected, type=Data Link Layer, (Transmitter ID)", null)]
    [InlineData("Unable to determine the device handle for GPU0000:03:00.0: Unknown Error", FailureCategory.CudaError)]
    public void A_pcie_link_error_is_not_a_sigbus_and_a_gpu_nvidia_smi_lost_is_a_device_fault(string line, string? category)
    {
        var analysis = FailureClassifier.Classify(new ClassificationInput(null, [], [], null) { Context = [new ContextLine(10, line)] }, RuleSet.Default);

        Assert.Equal(category, analysis?.ErrorType);
    }

    private static FailureAnalysis Classify(TracebackInfo root) => FailureClassifier.Classify(In(root), RuleSet.Default)!;
}
