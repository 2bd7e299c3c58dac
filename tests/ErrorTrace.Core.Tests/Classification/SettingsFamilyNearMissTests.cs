using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the families of <see cref="SettingsFamilyCases"/> must not take: the launcher stopping on SIGTERM or SIGINT, a
/// division by a value computed from tensors, a machine with no GPU at all, datasets rejecting a keyword its builder
/// config lacks (a version problem).
/// </summary>
public sealed class SettingsFamilyNearMissTests
{
    [Theory]
    [InlineData("WARNING:torch.distributed.elastic.agent.server.api:Received 15 death signal, shutting down workers")]
    [InlineData("torch.distributed.elastic.multiprocessing.api.SignalException: Process 812 got signal: 15")]
    [InlineData("Sending process 4411 closing signal SIGTERM")]
    public void A_launcher_stopped_by_sigterm_or_sigint_is_not_a_hangup(string line) =>
        Assert.NotEqual("config-launcher-hangup", Classify(Context(line))?.RuleId);

    [Theory]
    [InlineData("ratio = intersection / union")]
    [InlineData("scale = 1.0 / std")]
    public void A_division_by_a_computed_value_stays_user_code(string code) =>
        Assert.Equal(FailureCategory.UserCode, Classify(In(Py("ZeroDivisionError", "float division by zero") with
        {
            Frames = [F("train.py:main"), new() { File = "/home/u/proj/metrics.py", Function = "iou", Line = 7, Code = code }],
        }))?.ErrorType);

    [Fact]
    public void A_machine_without_any_gpu_is_not_a_device_count_setting() =>
        Assert.NotEqual("config-more-devices-than-available", Classify(In(Py("RuntimeError", "require 1 GPUs, but only 0 GPUs available",
            ["run.py:main"])))?.RuleId);

    [Fact]
    public void A_builder_config_lacking_a_keyword_is_not_an_unknown_subset() =>
        Assert.NotEqual("config-dataset-config-name-unknown", Classify(In(Py("ValueError",
            "BuilderConfig ParquetConfig(name='default', version=0.0.0, data_dir=None, data_files=None, description=None) doesn't have a 'use_auth_token' key.",
            ["prep.py:main", Sp + "datasets/load.py:load_dataset", Sp + "datasets/builder.py:_create_builder_config"])))?.RuleId);

    [Fact]
    public void Pandas_failing_to_parse_a_csv_is_not_a_config_file() =>
        Assert.NotEqual(FailureCategory.ConfigError, Classify(In(Py("pandas.errors.ParserError", "Error tokenizing data. C error: Expected 3 fields in line 12, saw 5",
            ["prep.py:main", Sp + "pandas/io/parsers/readers.py:read_csv", Sp + "pandas/io/parsers/c_parser_wrapper.py:read"])))?.ErrorType);

    [Theory]
    [InlineData("error while parsing arguments: expected one value")]
    [InlineData("Skipping block while parsing the manifest, moving on")]
    public void Other_programs_parsing_words_are_not_yaml(string line) =>
        Assert.NotEqual("config-file-does-not-parse-wording", Classify(Context(line))?.RuleId);

    private static ClassificationInput Context(string line) => new(null, [], [], null) { Context = [new ContextLine(1, line)] };

    private static FailureAnalysis? Classify(ClassificationInput input) => FailureClassifier.Classify(input, RuleSet.Default);
}
