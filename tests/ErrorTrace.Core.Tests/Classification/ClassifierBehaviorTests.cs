using System.Diagnostics;
using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

public sealed class ClassifierBehaviorTests
{
    [Fact]
    public void A_clean_job_has_no_analysis()
    {
        var input = In(null, E(5, "Token indices sequence length is longer than the specified maximum", "warning"));

        Assert.Null(FailureClassifier.Classify(input, RuleSet.Default));
    }

    [Fact]
    public void Root_evidence_is_the_exception_line_then_corroborating_error_entries()
    {
        var root = Py("torch.OutOfMemoryError", ModernOom, TrainStep, line: 1210, rank: 2);
        var input = In(root, E(1201, "Training failed with error: CUDA out of memory. Tried to allocate 3.82 GiB", phase: "Main"),
            E(17, "Some unrelated error"));

        var analysis = FailureClassifier.Classify(input, RuleSet.Default)!;

        Assert.Equal(1210, analysis.Evidence[0].Line);
        Assert.StartsWith("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 3.82 GiB.", analysis.Evidence[0].Text, StringComparison.Ordinal);
        Assert.Equal(300, analysis.Evidence[0].Text.Length);
        Assert.EndsWith("…", analysis.Evidence[0].Text, StringComparison.Ordinal);
        Assert.Equal(new EvidenceLine(1201, "Training failed with error: CUDA out of memory. Tried to allocate 3.82 GiB"), analysis.Evidence[1]);
        Assert.Equal(2, analysis.Evidence.Count);
        Assert.Equal(2, analysis.RootRank);
    }

    [Fact]
    public void A_match_deep_in_an_elastic_table_cites_that_line()
    {
        var analysis = FailureClassifier.Classify(In(ChildFailed(-9, "Signal 9 (SIGKILL) received by PID 14750", line: 300)), RuleSet.Default)!;

        Assert.Equal(300, analysis.Evidence[0].Line);
        Assert.Equal("torch.distributed.elastic.multiprocessing.errors.ChildFailedError: train.py FAILED", analysis.Evidence[0].Text);
        // The table's lines follow the exception line one for one: "exitcode" is its 12th line.
        Assert.Equal(new EvidenceLine(312, "exitcode  : -9 (pid: 14750)"), analysis.Evidence[1]);
    }

    [Fact]
    public void Error_rules_cite_every_matching_entry_up_to_five()
    {
        var entries = Enumerable.Range(1, 8).Select(i => E(i * 10, $"[rank{i}]: Watchdog caught collective operation timeout: WorkNCCL(SeqNum=5, OpType=ALLREDUCE) ran for 600013 milliseconds before timing out.", ranks: i)).ToArray();

        var analysis = FailureClassifier.Classify(In(null, entries), RuleSet.Default)!;

        Assert.Equal("timeout-collective", analysis.RuleId);
        Assert.Equal([10L, 20, 30, 40, 50], analysis.Evidence.Select(e => e.Line));
        Assert.Equal(1, analysis.RootRank);
    }

    [Fact]
    public void The_fallback_has_no_rule_and_cites_the_root_and_errors()
    {
        var root = Py("RuntimeError", "custom_op_wrapper returned an invalid handle", Forward, line: 80);

        var analysis = FailureClassifier.Classify(In(root, E(70, "Training failed: custom_op_wrapper returned an invalid handle")), RuleSet.Default)!;

        Assert.Null(analysis.RuleId);
        Assert.Equal("unknown", analysis.ErrorType);
        Assert.Equal([80L, 70], analysis.Evidence.Select(e => e.Line));
    }

    [Fact]
    public void Rule_suggestions_come_before_the_category_ones()
    {
        var analysis = FailureClassifier.Classify(In(Py("ValueError", "Attempting to unscale FP16 gradients.", TrainStep)), RuleSet.Default)!;

        Assert.StartsWith("Load the trainable weights in fp32", analysis.Suggestions[0], StringComparison.Ordinal);
        Assert.Contains(RuleSet.Default.Categories["config_error"].SuggestionRules.First(s => s.When is null).Text, analysis.Suggestions);
    }

    [Fact]
    public void Hostile_messages_match_in_linear_time()
    {
        // Long runs that a backtracking "[^\n]{0,80}" pattern would chew on, plus 64 KB without a newline.
        var hostile = string.Concat(Enumerable.Repeat("loss grad gradients total norm nan-ish ", 1700)) + new string('a', 64 * 1024);
        var input = new ClassificationInput(Py("RuntimeError", hostile, TrainStep), [], [E(1, hostile)], hostile);
        FailureClassifier.Classify(input, RuleSet.Default);

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++) FailureClassifier.Classify(input, RuleSet.Default);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"5 classifications took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("torch.OutOfMemoryError", "OutOfMemoryError", true)]
    [InlineData("torch.cuda.OutOfMemoryError", "OutOfMemoryError", true)]
    [InlineData("OutOfMemoryError", "OutOfMemoryError", true)]
    [InlineData("torch.OutOfMemoryError", "MemoryError", false)]
    [InlineData("MyOutOfMemoryError", "OutOfMemoryError", false)]
    public void Types_match_exactly_or_by_dotted_suffix(string type, string pattern, bool matches) =>
        Assert.Equal(matches, TypeMatcher.Create([pattern])!.Matches(type));
}
