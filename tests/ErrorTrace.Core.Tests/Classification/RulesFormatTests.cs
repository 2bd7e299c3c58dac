using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>The rules file's mechanism vocabulary: surfaces as a list, wording families, signals, modules, conditional
/// suggestions, scoring signals; and the older format (a string 'on', string suggestions) still reads the same.</summary>
public sealed class RulesFormatTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("et-format-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private RuleSet Load(string json)
    {
        var path = Path.Combine(_dir, $"rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return RuleSet.LoadFile(path);
    }

    [Fact]
    public void A_string_on_and_string_suggestions_read_as_before()
    {
        var rules = Load("""
            { "rules": [ { "id": "old-style", "comment": "c", "category": "timeout", "on": "summary", "suggestions": ["Resubmit."],
                           "match": { "message": ["preempted"] } } ] }
            """);

        var analysis = FailureClassifier.Classify(Summary("Job preempted by scheduler"), rules)!;

        Assert.Equal(("old-style", "medium", "Resubmit."), (analysis.RuleId, analysis.Confidence, analysis.Suggestions[0]));
    }

    [Fact]
    public void One_rule_reads_several_surfaces_with_less_confidence_off_the_first()
    {
        var rules = Load("""
            { "wordings": { "acme-quota": { "comment": "our storage", "message": ["ACME quota exhausted"] } },
              "rules": [ { "id": "acme-quota", "comment": "c", "category": "disk_error", "confidence": "high",
                           "on": ["root", "errors", "summary"], "match": { "wordings": ["acme-quota"] } } ] }
            """);

        var root = FailureClassifier.Classify(In(Py("OSError", "ACME quota exhausted for /scratch")), rules)!;
        var line = FailureClassifier.Classify(In(null, E(4, "ERROR: ACME quota exhausted")), rules)!;
        var summary = FailureClassifier.Classify(Summary("ACME quota exhausted"), rules)!;

        Assert.Equal(["high", "medium", "low"], new[] { root.Confidence, line.Confidence, summary.Confidence });
        Assert.All(new[] { root, line, summary }, a => Assert.Equal("acme-quota", a.RuleId));
    }

    [Fact]
    public void Signals_match_deaths_and_every_way_a_text_reports_them()
    {
        var matcher = SignalMatcher.Create(["SIGKILL"])!;

        Assert.True(matcher.MatchesDeath("signal", "SIGKILL"));
        Assert.False(matcher.MatchesDeath("python", "SIGKILL"));
        Assert.All(new[]
        {
            "exitcode  : -9 (pid: 14750)", "failed (exitcode: -9) local_rank: 3", "Signal 9 (SIGKILL) received by PID 3",
            "exits with return code = -9", "Training process exited with code 137", "Exited with exit code 137.",
            "DataLoader worker (pid 2817) is killed by signal: Killed.", "Killed", "returned non-zero exit status -9.",
        }, text => Assert.True(matcher.Find(text) >= 0, text));
        Assert.All(new[] { "exit code 1", "Killed 3 stale workers in the pool", "exitcode: -11", "return code = 9" },
            text => Assert.True(matcher.Find(text) < 0, text));
    }

    [Theory]
    [InlineData("/opt/conda/lib/python3.11/site-packages/torch/cuda/memory.py", "torch/cuda/memory")]
    [InlineData("/usr/lib/python3.10/os.py", "os")]
    [InlineData("/usr/local/lib/python3.10/dist-packages/PIL/ImageFile.py", "PIL/ImageFile")]
    [InlineData(@"C:\Python311\Lib\json\decoder.py", "json/decoder")]
    [InlineData("/usr/local/lib/python3.10/dist-packages/torch/lib/libc10.so", "torch/lib/libc10")]
    [InlineData("/home/u/train.py", null)]
    public void A_library_frame_has_a_module(string file, string? module) => Assert.Equal(module, FrameModule.Of(file));

    [Theory]
    [InlineData("torch/cuda", "torch/cuda/memory", true)]
    [InlineData("torch.cuda", "torch/cuda", true)]
    [InlineData("os", "os", true)]
    [InlineData("os", "osgeo/gdal", false)]
    [InlineData("PIL", "PIL/ImageFile", true)]
    [InlineData("torch/cuda", "torch/cudart", false)]
    public void Modules_match_whole_segments(string pattern, string module, bool matches) =>
        Assert.Equal(matches, ModuleMatcher.Create([pattern], "modules")!.Matches(module));

    [Fact]
    public void A_modules_condition_reads_the_frame_that_raised()
    {
        var rules = Load("""
            { "rules": [ { "id": "pil-raised", "comment": "c", "category": "data_error", "match": { "modules": ["PIL"] } } ] }
            """);

        var pil = FailureClassifier.Classify(In(Py("struct.error", "unpack requires a buffer of 4 bytes", ["train.py:main", Sp + "PIL/PngImagePlugin.py:read"])), rules)!;
        var user = FailureClassifier.Classify(In(Py("struct.error", "unpack requires a buffer of 4 bytes", [Sp + "PIL/Image.py:open", "train.py:parse"])), rules)!;

        Assert.Equal("pil-raised", pil.RuleId);
        Assert.NotEqual("pil-raised", user.RuleId);
    }

    [Theory]
    [InlineData("""{ "rules": [ { "id": "w", "category": "timeout", "match": { "wordings": ["no-such-family"] } } ] }""", "wording family 'no-such-family'")]
    [InlineData("""{ "rules": [ { "id": "s", "category": "timeout", "match": { "signals": ["SIGWHAT"] } } ] }""", "signals value 'SIGWHAT'")]
    [InlineData("""{ "rules": [ { "id": "o", "category": "timeout", "on": ["root", "sky"], "match": { "message": ["x"] } } ] }""", "\"on\" has 'sky'")]
    [InlineData("""{ "rules": [ { "id": "m", "category": "timeout", "on": ["root", "context"], "match": { "modules": ["os"] } } ] }""", "modules cannot apply to rules on context")]
    [InlineData("""{ "rules": [ { "id": "p", "category": "timeout", "match": { "error_phases": ["lunch"] } } ] }""", "error_phases value 'lunch'")]
    [InlineData("""{ "rules": [ { "id": "r", "category": "timeout", "on": ["errors"], "match": { "raised_at": ["config.py:*"] } } ] }""", "raised_at cannot apply to rules on errors")]
    [InlineData("""{ "rules": [ { "id": "g", "category": "timeout", "suggestions": [ { "text": "x", "when": { } } ], "match": { "message": ["x"] } } ] }""", "needs mentions")]
    [InlineData("""{ "phases": { "hints": [ { "id": "h", "phase": "training", "weight": 0, "match": { "frames": ["fit"] } } ] } }""", "weight 0 must be a positive number")]
    public void A_bad_mechanism_condition_names_the_rule_and_the_problem(string json, string problem)
    {
        var e = Assert.Throws<RuleSetException>(() => Load(json));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suggestion_object_with_an_unknown_property_is_rejected()
    {
        var e = Assert.Throws<RuleSetException>(() => Load("""
            { "rules": [ { "id": "u", "category": "timeout", "suggestions": [ { "txt": "x" } ], "match": { "message": ["x"] } } ] }
            """));

        Assert.Contains("unknown property 'txt'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_file_adds_scoring_signals()
    {
        var rules = Load("""
            { "scoring": { "signals": [ { "id": "acme-storage-module", "comment": "our FS client", "category": "disk_error", "weight": 4,
                                          "match": { "modules": ["acmefs"] } } ] } }
            """);

        var analysis = FailureClassifier.Classify(In(Py("RuntimeError", "handle closed", ["train.py:main", Sp + "acmefs/client.py:write"])), rules)!;

        Assert.Equal(("disk_error", "evidence-score", "medium"), (analysis.ErrorType, analysis.RuleId, analysis.Confidence));
        Assert.Contains("acme-storage-module", analysis.Evidence[0].Text, StringComparison.Ordinal);
    }
}
