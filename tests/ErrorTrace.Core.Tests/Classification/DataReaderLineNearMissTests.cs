using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the families of <see cref="DataReaderLineCases"/> must not take: a tokenizer's length warning without a
/// failure, NCCL's watchdog sentence about corrupted data, a root exception that a specific rule decides although a
/// reader's line is near, and datasets' 'Generating train split' bar read as an evaluation bar.
/// </summary>
public sealed class DataReaderLineNearMissTests
{
    [Fact]
    public void A_length_setting_warning_is_not_a_sample_too_long() =>
        Assert.NotEqual("data-sample-longer-than-the-model-allows", Classify(In(null,
            E(4, "Token indices sequence length is longer than the specified maximum sequence length for this model (1030 > 1024)", level: "warning")))?.RuleId);

    [Fact]
    public void Nccls_watchdog_sentence_about_corrupted_data_is_not_a_corrupt_file() =>
        Assert.NotEqual(FailureCategory.DataError, Classify(new ClassificationInput(null, [], [], null)
        {
            Context = [new ContextLine(3, "[rank0]:[E ProcessGroupNCCL.cpp:577] Some NCCL operations have failed or timed out. Due to the asynchronous nature of CUDA kernels, subsequent GPU operations might run on corrupted/incomplete data.")],
        })?.ErrorType);

    [Fact]
    public void A_root_that_a_specific_rule_decides_keeps_its_category()
    {
        var root = Py("torch.cuda.OutOfMemoryError", "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 23.69 GiB total capacity; 21.0 GiB already allocated)",
            ["train.py:main", Trainer + ":training_step"], line: 50);
        var input = In(root) with { Context = [new ContextLine(10, "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)")] };

        Assert.Equal(FailureCategory.OomTraining, Classify(input)?.ErrorType);
    }

    [Fact]
    public void Datasets_generating_split_bar_is_not_an_evaluation_bar()
    {
        var root = Py("torch.cuda.OutOfMemoryError", "CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 23.69 GiB total capacity; 23.0 GiB already allocated)", line: 50);
        var input = In(root) with { Context = [new ContextLine(10, "Generating test split: 100%|██████████| 500/500 [00:00<00:00, 9000.00 examples/s]")] };

        Assert.Equal(FailureCategory.OomTraining, Classify(input)?.ErrorType);
    }

    private static FailureAnalysis? Classify(ClassificationInput input) => FailureClassifier.Classify(input, RuleSet.Default);
}
