using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>What the rules of <see cref="DataOrCodeCases"/> must not take: a worker's data error, a binary file opened as
/// text, the job's own code raising a deprecation, a choice among settings that are not columns.</summary>
public sealed class DataOrCodeNearMissTests
{
    [Fact]
    public void A_worker_error_that_is_not_a_code_bug_stays_with_the_data() =>
        Assert.Equal(FailureCategory.DataError, Classify(Py("KeyError", "Caught KeyError in DataLoader worker process 0.\nOriginal Traceback (most recent call last):",
            ["train.py:main", Sp + "torch/_utils.py:reraise"])).ErrorType);

    [Fact]
    public void A_binary_file_opened_as_text_fails_at_its_first_byte_and_is_the_codes_mode() =>
        Assert.NotEqual(FailureCategory.DataError, Classify(Py("UnicodeDecodeError", "'utf-8' codec can't decode byte 0x80 in position 0: invalid start byte",
            ["train.py:main", "/home/u/proj/data/dataset.py:__init__", "/usr/lib/python3.10/codecs.py:decode"])).ErrorType);

    [Fact]
    public void The_jobs_own_code_raising_a_deprecation_is_not_a_version_mismatch() =>
        Assert.NotEqual(FailureCategory.DependencyError, Classify(Py("DeprecationWarning", "use --lr instead of --learning-rate",
            ["/home/u/proj/train.py:parse_args"])).ErrorType);

    [Fact]
    public void A_value_that_must_be_one_of_some_settings_is_not_a_column() =>
        Assert.NotEqual(FailureCategory.DataError, Classify(Py("ValueError", "--mixed_precision value 'fp8' needs to be one of: no, fp16, bf16",
            ["/home/u/proj/train.py:main"])).ErrorType);

    private static FailureAnalysis Classify(TracebackInfo root) => FailureClassifier.Classify(In(root), RuleSet.Default)!;
}
