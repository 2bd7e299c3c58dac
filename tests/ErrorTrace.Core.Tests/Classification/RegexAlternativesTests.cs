using System.Text;
using System.Text.RegularExpressions;
using ErrorTrace.Core.Classification;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>A condition's regexes are run one by one, built on first use (<see cref="RegexAlternatives"/>): they must
/// answer exactly as the one alternation of them did, and the built-in rules, no longer checked at every start, are
/// checked here.</summary>
public class RegexAlternativesTests
{
    private static readonly string[] s_phaseLines =
    [
        @"^\s*[^|%\n]{0,60}\b(valid(ation|ating)?|val|eval(uation|uating)?|test(ing)?)\b[^|%\n]{0,40}[:)]\s+\d{1,3}(\.\d)?%",
        @"^\s*(Validation|Validating|Evaluating)\b",
        @"\b(evaluation|prediction)_loop marked as finished\b",
        @"\bloss = [-+\d.e]+, step = \d+",
        @"(?-i:Killed)\s*$",
    ];

    public static TheoryData<string> Texts =>
    [
        "",
        "Validation DataLoader 0:  45%|####5     | 9/20 [00:01<00:02, 5.20it/s]",
        "INFO:tensorflow:loss = 0.31, step = 1200 (12.3 sec); evaluation_loop marked as finished",
        "79%|#######   | 7900/10000 [01:00<02:00, 8.08it/s]Killed",
        "first line\n  Evaluating: 3/10\nloss = 1e-3, step = 7 killed",
        "[2025-12-10 03:58:22] [__main__] [INFO] [SFT] step 1 loss=2.3539 grad_norm=2.280 lr=1.481e-05",
        "prediction_loop marked as finished, then: eval 12) 99%",
        "LOSS = 2.5, STEP = 10 and ｌoss = 1, step = 2",
        "Evaluating é loss = 3, step = 4",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void First_match_is_the_alternation_s_first_match(string text)
    {
        var alternation = new Regex(string.Join('|', s_phaseLines.Select(p => $"(?:{p})")), RegexFactory.Options);
        var expected = alternation.Match(text) is { Success: true } m ? m.Index : -1;

        var alternatives = RegexAlternatives.Create(s_phaseLines, "test")!;

        Assert.Equal(expected, alternatives.FirstMatch(text));
        Assert.Equal(expected >= 0, alternatives.IsMatch(text));
    }

    [Fact]
    public void Every_built_in_pattern_is_a_usable_regex()
    {
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream("ErrorTrace.Core.rules.json")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);

        // A user's file is checked as it loads: the built-in one read that way builds every one of its regexes.
        var rules = RuleSetLoader.Parse(reader.ReadToEnd(), "rules.json", defaults: null);

        Assert.Equal(RuleSet.Default.Rules.Count, rules.Rules.Count);
    }

    [Fact]
    public void Built_in_rules_defer_their_regexes_and_a_user_s_file_does_not()
    {
        Assert.NotNull(RegexFactory.Deferred(() => RegexAlternatives.Create(["ran for (\\d+"], "deferred")));

        var e = Assert.Throws<ArgumentException>(() => RegexAlternatives.Create(["fine", "ran for (\\d+"], "message_regex"));

        Assert.Contains("message_regex pattern 'ran for (\\d+' is not a usable .NET regex", e.Message, StringComparison.Ordinal);
    }
}
