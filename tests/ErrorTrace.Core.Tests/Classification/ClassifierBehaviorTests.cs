using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
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
    public void Hostile_messages_cannot_make_a_rule_regex_backtrack_without_bound()
    {
        // What a timed run of a hostile 64 KB message used to check, without a clock: no pattern of the built-in rules has
        // the nested-repeat shape that backtracks exponentially, every regex the compiled rule set runs carries the match
        // timeout (a pathological pattern from a user's rules file ends as "no match"), and a regex reads a message's head
        // only, so the bounded repeats ([^\n]{0,80}) cost a constant per character of a bounded text.
        var patterns = BuiltInPatterns();
        Assert.True(patterns.Count > 200, $"only {patterns.Count} patterns read from rules.json");
        Assert.All(patterns, p => Assert.True(RegexShape.NestedRepeat(p) is null, $"'{p}' nests an unbounded repeat: {RegexShape.NestedRepeat(p)}"));

        // Read as a user's file, the built-in rules build every regex at load (the built-in set builds them on first use).
        var regexes = RegexCollector.Collect(RuleSetLoader.Parse(BuiltInJson(), "rules.json", defaults: null));
        Assert.True(regexes.Count > 100, $"only {regexes.Count} regexes found in the compiled rules");
        Assert.NotEqual(Regex.InfiniteMatchTimeout, RegexFactory.MatchTimeout);
        Assert.All(regexes, r => Assert.Equal(RegexFactory.MatchTimeout, r.MatchTimeout));

        var needle = TextMatcher.Create(null, ["needle"], "message")!;
        Assert.True(needle.Find(new string('a', TextMatcher.MaxRegexChars - 6) + "needle") >= 0);
        Assert.Equal(-1, needle.Find(new string('a', TextMatcher.MaxRegexChars) + "needle"));
    }

    [Theory]
    [InlineData(@"(\w+)+x")]
    [InlineData(@"(?:a|aa)*b")]
    [InlineData(@"(?:[^\n]*,)+end")]
    [InlineData(@"(\d+\.?)+")]
    public void The_shape_check_finds_exponential_patterns(string pattern) =>
        Assert.NotNull(RegexShape.NestedRepeat(pattern));

    [Theory]
    [InlineData(@"\[(ready|missing) ranks: \d+(, ?\d+)*\]")]
    [InlineData(@"v?\d+(\.\d+)* or newer")]
    [InlineData(@"^\s*[\w./-]+(?: [\w.\-]+){0,3}: error:")]
    [InlineData(@"\bsize mismatch for [^\n]{0,80}\bcopying")]
    public void The_shape_check_lets_separated_and_bounded_repeats_pass(string pattern) =>
        Assert.Null(RegexShape.NestedRepeat(pattern));

    private static string BuiltInJson()
    {
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream("ErrorTrace.Core.rules.json")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static List<string> BuiltInPatterns()
    {
        using var document = JsonDocument.Parse(BuiltInJson());
        var patterns = new List<string>();
        var pending = new Stack<(string? Name, JsonElement Element)>();
        pending.Push((null, document.RootElement));
        while (pending.Count > 0)
        {
            var (name, element) = pending.Pop();
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject()) pending.Push((property.Name, property.Value));
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray()) pending.Push((name, item));
            }
            else if (element.ValueKind == JsonValueKind.String && name is not null &&
                (name.EndsWith("regex", StringComparison.Ordinal) || name == "message_name_in_code"))
            {
                patterns.Add(element.GetString()!);
            }
        }

        return patterns;
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
