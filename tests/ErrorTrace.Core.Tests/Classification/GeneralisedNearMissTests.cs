using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the families of <see cref="GeneralisedSetupCases"/> must not take: the same exception types and near wordings
/// when the mechanism is the user's own code (their module lacking an attribute, their NameError, a divisibility check on
/// their data's shape), so a family is held to its mechanism and not to an exception type.
/// </summary>
public sealed class GeneralisedNearMissTests
{
    [Theory]
    [InlineData("AttributeError", "module 'utils' has no attribute 'build_loader'", "utils")]
    [InlineData("AttributeError", "module 'config' has no attribute 'LR'", "config")]
    [InlineData("AttributeError", "'Trainer' object has no attribute 'val_interval'", "trainer")]
    public void A_missing_attribute_of_the_users_own_module_is_not_a_dependency(string type, string message, string file)
    {
        var analysis = Classify(Py(type, message, ["main.py:<module>", $"/home/u/proj/{file}.py:run"]));

        Assert.Equal(FailureCategory.UserCode, analysis.ErrorType);
    }

    [Theory]
    [InlineData("Found invalid type for plugin <lightning.pytorch.plugins.precision.MixedPrecision object at 0x7f01>. Expected one of: Strategy, CheckpointIO.", FailureCategory.DependencyError)]
    [InlineData("The provided lr scheduler `CosineAnnealingLR` doesn't follow PyTorch's LRScheduler API. You should override the `LightningModule.lr_scheduler_step` hook.", FailureCategory.DependencyError)]
    [InlineData("You requested gpu: [0, 1]\n But your machine only has: [0]", FailureCategory.ConfigError)]
    [InlineData("`max_epochs` must be a non-negative integer, got <class 'str'>", FailureCategory.ConfigError)]
    [InlineData("Invalid type provided for precision: Expected int or str but received <class 'float'>.", FailureCategory.ConfigError)]
    public void Lightning_rejecting_its_own_classes_is_a_version_problem_and_a_wrong_value_is_config(string message, string category) =>
        Assert.Equal(category, Classify(Py("pytorch_lightning.utilities.exceptions.MisconfigurationException", message,
            ["main.py:<module>", Sp + "pytorch_lightning/trainer/trainer.py:__init__", Sp + "pytorch_lightning/trainer/connectors/accelerator_connector.py:__init__"])).ErrorType);

    [Fact]
    public void A_nameerror_in_the_users_own_code_is_a_bug_not_a_missing_package()
    {
        var analysis = Classify(Py("NameError", "name 'amp' is not defined", ["/home/u/proj/train.py:main", "/home/u/proj/train.py:train_epoch"]));

        Assert.Equal((FailureCategory.UserCode, "user-code-name-or-syntax"), (analysis.ErrorType, analysis.RuleId));
    }

    [Fact]
    public void A_structure_word_outside_a_config_library_is_not_a_config_error()
    {
        var analysis = Classify(Py("TypeError", "field 'header' is not in structure Record", ["/home/u/proj/reader.py:read_header"]));

        Assert.NotEqual(FailureCategory.ConfigError, analysis.ErrorType);
    }

    [Fact]
    public void A_pydantic_model_of_records_is_not_a_config_schema()
    {
        var analysis = Classify(Py("pydantic_core._pydantic_core.ValidationError",
            "1 validation error for ChatMessage\ncontent\n  Field required [type=missing]", ["/srv/app/routes.py:chat", Sp + "pydantic/main.py:__init__"]));

        Assert.NotEqual("config-schema-rejected-wording", analysis.RuleId);
    }

    [Fact]
    public void A_sample_count_that_is_not_zero_is_not_an_empty_dataset()
    {
        var analysis = Classify(Py("ValueError", "num_samples=10 exceeds the population of 8 without replacement", ["/home/u/proj/sampler.py:draw"]));

        Assert.NotEqual(FailureCategory.DataError, analysis.ErrorType);
    }

    [Fact]
    public void A_file_named_like_a_program_in_a_data_path_is_still_a_missing_file()
    {
        var analysis = Classify(Py("FileNotFoundError", "[Errno 2] No such file or directory: '/data/gcc/train.jsonl'", ["/home/u/proj/data.py:__getitem__"]));

        Assert.Equal(FailureCategory.DataError, analysis.ErrorType);
    }

    [Fact]
    public void A_registry_hit_that_builds_fine_is_not_touched()
    {
        var analysis = Classify(Py("KeyError", "'bbox'", ["tools/train.py:main", "/home/u/proj/datasets/coco.py:__getitem__"]));

        Assert.Equal(FailureCategory.DataError, analysis.ErrorType);
    }

    private static FailureAnalysis Classify(TracebackInfo root) => FailureClassifier.Classify(In(root), RuleSet.Default)!;
}
