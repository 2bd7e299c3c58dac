using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

public sealed class RuleSetLoadingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("et-rules-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_dir, $"rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void User_rules_come_before_the_defaults_and_win()
    {
        var path = Write("""
            {
              // Our cluster's eval OOMs are really a leaky metric; call them user_code.
              "rules": [
                { "id": "team-eval-oom-is-our-metric", "comment": "known leak", "category": "user_code", "confidence": "high",
                  "match": { "message": ["CUDA out of memory"], "frames": ["evaluation_loop"] },
                  "suggestions": ["Upgrade metrics-lib to 2.1."] },
              ]
            }
            """);

        var rules = RuleSet.LoadFile(path);
        var eval = FailureClassifier.Classify(In(Py("torch.OutOfMemoryError", ModernOom, EvalLoop)), rules)!;
        var train = FailureClassifier.Classify(In(Py("torch.OutOfMemoryError", ModernOom, TrainStep)), rules)!;

        Assert.Equal("team-eval-oom-is-our-metric", rules.Rules[0].Id);
        Assert.Equal(RuleSet.Default.Rules.Count + 1, rules.Rules.Count);
        Assert.Equal(("user_code", "team-eval-oom-is-our-metric"), (eval.ErrorType, eval.RuleId));
        Assert.Equal("Upgrade metrics-lib to 2.1.", eval.Suggestions[0]);
        Assert.Equal(("oom_training", "gpu-oom"), (train.ErrorType, train.RuleId));
    }

    [Fact]
    public void A_user_file_may_add_a_category()
    {
        var path = Write("""
            { "categories": { "preempted": { "description": "The scheduler preempted the job.", "suggestions": ["Resubmit with --requeue."] } },
              "rules": [ { "id": "spot-preemption", "category": "preempted", "on": "summary", "match": { "message": ["preempted"] } } ] }
            """);

        var analysis = FailureClassifier.Classify(Summary("Job preempted by scheduler"), RuleSet.LoadFile(path))!;

        Assert.Equal(("preempted", "spot-preemption", "medium", "unknown"), (analysis.ErrorType, analysis.RuleId, analysis.Confidence, analysis.ErrorPhase));
        Assert.Equal(0, analysis.Evidence[0].Line);
    }

    [Theory]
    [InlineData("""{ "rules": [ { "id": "x", "category": "oom", "match": { "message": ["a"] } } ] }""", 0, "x", "unknown category 'oom'")]
    [InlineData("""{ "rules": [ { "category": "timeout", "match": { "message": ["a"] } } ] }""", 0, null, "needs an \"id\"")]
    [InlineData("""{ "rules": [ { "id": "a", "category": "timeout", "match": { "message": ["x"] } }, { "id": "a", "category": "timeout", "match": { "message": ["y"] } } ] }""", 1, "a", "duplicate id")]
    [InlineData("""{ "rules": [ { "id": "gpu-oom", "category": "timeout", "match": { "message": ["y"] } } ] }""", 0, "gpu-oom", "built-in rule")]
    [InlineData("""{ "rules": [ { "id": "paren", "category": "timeout", "match": { "message_regex": ["ran for (\\d+"] } } ] }""", 0, "paren", "ran for (\\d+")]
    [InlineData("""{ "rules": [ { "id": "c", "category": "timeout", "confidence": "certain", "match": { "message": ["x"] } } ] }""", 0, "c", "confidence 'certain'")]
    [InlineData("""{ "rules": [ { "id": "p", "category": "timeout", "phase": "eval", "match": { "message": ["x"] } } ] }""", 0, "p", "phase 'eval'")]
    [InlineData("""{ "rules": [ { "id": "f", "category": "timeout", "on": "errors", "match": { "frames": ["evaluate"], "message": ["x"] } } ] }""", 0, "f", "frames cannot apply to rules on errors")]
    [InlineData("""{ "rules": [ { "id": "n", "category": "timeout", "match": { "message": ["x"], "no_root": true } } ] }""", 0, "n", "no_root only applies to rules on errors or context")]
    [InlineData("""{ "rules": [ { "id": "d", "category": "timeout", "fatal": true, "match": { "message": ["x"] } } ] }""", 0, "d", "\"fatal\" only applies to rules on errors")]
    [InlineData("""{ "rules": [ { "id": "b", "category": "timeout", "match": { "message": ["x"], "before_root": [ { "types": ["AttributeError"] } ] } } ] }""", 0, "b", "before_root only applies to rules on errors or context")]
    [InlineData("""{ "rules": [ { "id": "b", "category": "timeout", "on": "context", "match": { "message": ["x"], "before_root": [ { "mesage": ["y"] } ] } } ] }""", 0, null, "'mesage'")]
    [InlineData("""{ "rules": [ { "id": "e", "category": "timeout", "match": { "not_message": ["x"] } } ] }""", 0, "e", "at least one positive condition")]
    [InlineData("""{ "rules": [ { "id": "k", "category": "timeout", "match": { "kinds": ["java"] } } ] }""", 0, "k", "kinds value 'java'")]
    [InlineData("""{ "rules": [ { "id": "t", "category": "timeout", "match": { "mesage": ["x"] } } ] }""", 0, null, "'mesage'")]
    [InlineData("""{ "rules": [ { "id": "n", "category": "timeout" } ] }""", 0, "n", "needs a \"match\"")]
    public void A_bad_rule_names_the_file_the_rule_and_the_problem(string json, int index, string? id, string problem)
    {
        var path = Write(json);

        var e = Assert.Throws<RuleSetException>(() => RuleSet.LoadFile(path));

        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains($"rules[{index}]", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Equal((path, index), (e.FilePath, e.RuleIndex));
        if (id is not null) Assert.Equal(id, e.RuleId);
    }

    [Fact]
    public void Invalid_json_says_where()
    {
        var path = Write("{ \"rules\": [ { \"id\": \"a\", } ");

        var e = Assert.Throws<RuleSetException>(() => RuleSet.LoadFile(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("not a valid rules file", e.Message, StringComparison.Ordinal);
        Assert.IsType<System.Text.Json.JsonException>(e.InnerException, exactMatch: false);
    }

    [Fact]
    public void A_missing_file_is_a_rule_set_exception()
    {
        var path = Path.Combine(_dir, "nope.json");

        var e = Assert.Throws<RuleSetException>(() => RuleSet.LoadFile(path));

        Assert.Contains("cannot read the rules file", e.Message, StringComparison.Ordinal);
        Assert.Null(e.RuleIndex);
    }
}
