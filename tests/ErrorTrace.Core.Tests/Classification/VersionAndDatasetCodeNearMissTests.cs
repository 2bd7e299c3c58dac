using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the families of <see cref="VersionAndDatasetCodeCases"/> must not take: xFormers' start-up line of a working
/// build, the GPU names the toolkit does know, a linker's other errors, another Trainer type check, and builtin
/// exceptions in the project's code that does not read data (a model, a data loader's batching, a directory merely
/// named data).
/// </summary>
public sealed class VersionAndDatasetCodeNearMissTests
{
    [Theory]
    [InlineData("xFormers 0.0.23.post1 is available: memory_efficient_attention.cutlassF: available")]
    [InlineData("Using xformers memory efficient attention (memory_efficient_attention_forward)")]
    public void A_working_xformers_start_is_not_a_missing_kernel(string line) =>
        Assert.NotEqual("dependency-xformers-operator-unavailable", Classify(Context(line))?.RuleId);

    [Theory]
    [InlineData("nvcc warning : The 'compute_35', 'compute_37', 'sm_35', and 'sm_37' architectures are deprecated")]
    [InlineData("ptxas info    : Used 64 registers, 384 bytes cmem[0] for 'sm_90'")]
    public void A_toolkits_warning_about_architectures_is_not_an_unknown_gpu(string line) =>
        Assert.NotEqual("dependency-toolkit-predates-the-gpu", Classify(Context(line))?.RuleId);

    [Theory]
    [InlineData("/usr/bin/ld: main.o: undefined reference to `cuLaunchKernel'")]
    [InlineData("/usr/bin/ld: warning: libcudart.so.11.0, needed by libfoo.so, not found (try using -rpath or -rpath-link)")]
    public void A_linkers_other_complaints_are_not_a_missing_library(string line) =>
        Assert.NotEqual("dependency-linker-cannot-find-library", Classify(Context(line))?.RuleId);

    [Fact]
    public void Another_type_check_of_the_trainer_is_not_the_two_lightning_packages() =>
        Assert.NotEqual("dependency-lightning-module-from-the-other-package", Classify(In(Py("TypeError",
            "`datamodule` must be a `LightningDataModule`, got `DataLoader`", ["fit.py:<module>", Sp + "lightning/pytorch/trainer/trainer.py:fit"])))?.RuleId);

    [Theory]
    [InlineData("/work/seg/models/unet.py:forward")]
    [InlineData("/work/seg/utils/dataloader.py:get_batch")]
    [InlineData("/work/data/train.py:main")]
    public void A_builtin_raised_outside_the_projects_dataset_code_stays_user_code(string raisedAt) =>
        Assert.Equal(FailureCategory.UserCode, Classify(In(Py("IndexError", "list index out of range", ["run.py:main", raisedAt])))?.ErrorType);

    [Fact]
    public void A_dataset_file_of_an_installed_library_is_not_the_projects_code() =>
        Assert.NotEqual("data-builtin-raised-in-the-projects-dataset-code", Classify(In(Py("IndexError", "list index out of range",
            ["run.py:main", Sp + "somelib/datasets/loader.py:read"])))?.RuleId);

    private static ClassificationInput Context(string line) => new(null, [], [], null) { Context = [new ContextLine(1, line)] };

    private static FailureAnalysis? Classify(ClassificationInput input) => FailureClassifier.Classify(input, RuleSet.Default);
}
