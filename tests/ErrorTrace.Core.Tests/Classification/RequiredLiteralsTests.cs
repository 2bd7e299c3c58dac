using System.Text.Json;
using System.Text.RegularExpressions;
using ErrorTrace.Core.Classification;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>The literals a regex cannot match without (<see cref="RequiredLiterals"/>): a filter in front of the regex
/// interpreter, so it may know too little but never claim a literal a match can lack.</summary>
public class RequiredLiteralsTests
{
    [Theory]
    [InlineData(@"\bollama\b", "ollama")]
    [InlineData(@"\bloss = [-+\d.e]+, step = \d+", ", step = ")]
    [InlineData(@"Starting evaluation at \d", "Starting evaluation at ")]
    [InlineData(@"colou?r", "colo")]
    [InlineData(@"abcd?e", "abc")]
    [InlineData(@"ab+cde", "cde")]
    [InlineData(@"ollama|llama runner", "llama runner|ollama")]
    [InlineData(@"llama[|]runner", "runner")]
    [InlineData(@"(?-i:Killed)", "Killed")]
    [InlineData(@"^\s*Epoch", "Epoch")]
    [InlineData(@"\b(Async)?LLMEngine\b", "LLMEngine")]
    [InlineData(@"\b(vllm|sglang)[\w.]*\.launch_server\b", ".launch_server")]
    [InlineData(@"(^|\s)(?![^\s]*train)([^\s]*[_-])?(infer|inference|predict|demo)\b", "demo|infer|inference|predict")]
    [InlineData(@"(^|\s)(?<!absl/)(x|infer)", null)]
    [InlineData(@"\b(Decode|Prefill) out of memory\b", " out of memory")]
    [InlineData(@"(?<name>exit code) \d+", "exit code")]
    [InlineData(@"(?=.*cuda)oom", "oom")]
    [InlineData(@"a{2}bc", null)]
    [InlineData(@"abc{0,2}", null)]
    [InlineData(@"x{abc}", null)]
    [InlineData(@"(?x) a b c", null)]
    [InlineData(@"(?(a)bcd|efg)", null)]
    [InlineData(@"[a-z-[aeiou]]bcd", null)]
    [InlineData(@"\p{L}+rror", "rror")]
    [InlineData(@"(?<q>x)\k'q'abc|def>ghi", "abc|def>ghi")]
    [InlineData(@"(?<q>x)\k<q>abcd", "abcd")]
    [InlineData(@"\pLabc|xyz", null)]
    [InlineData(@"(error)*", null)]
    [InlineData(@"nan|inf|(", null)]
    public void Literals_every_match_contains(string pattern, string? expected)
    {
        var literals = RequiredLiterals.Of(pattern);

        Assert.Equal(expected, literals is null ? null : string.Join('|', literals.Order(StringComparer.Ordinal)));
    }

    /// <summary>Every built-in pattern, run over real logs: each match it finds contains one of its literals.</summary>
    [Fact]
    public void Every_match_of_a_built_in_pattern_contains_one_of_its_literals()
    {
        var text = CorpusSample();
        var checkedPatterns = 0;
        var matches = 0;
        foreach (var pattern in BuiltInPatterns())
        {
            if (RequiredLiterals.Of(pattern) is not { } literals) continue;
            checkedPatterns++;
            var regex = new Regex(pattern, RegexFactory.Options | RegexOptions.Compiled, TimeSpan.FromSeconds(10));
            foreach (var match in regex.EnumerateMatches(text))
            {
                matches++;
                var value = text.Substring(match.Index, match.Length);
                Assert.True(literals.Any(l => value.Contains(l, StringComparison.OrdinalIgnoreCase)),
                    $"'{pattern}' matched '{value}' without any of {string.Join(", ", literals)}");
            }
        }

        Assert.True(checkedPatterns > 300, $"only {checkedPatterns} patterns have literals");
        Assert.True(matches > 1000, $"only {matches} matches in the sample");
    }

    private static IEnumerable<string> BuiltInPatterns()
    {
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream("ErrorTrace.Core.rules.json")!;
        using var document = JsonDocument.Parse(stream);
        var patterns = new List<string>();
        Walk(document.RootElement, name: "", patterns);
        return patterns.Distinct(StringComparer.Ordinal);
    }

    private static void Walk(JsonElement element, string name, List<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Walk(property.Value, property.Name, into);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item, name, into);
                break;
            case JsonValueKind.String when name.EndsWith("regex", StringComparison.Ordinal):
                into.Add(element.GetString()!);
                break;
        }
    }

    /// <summary>Real logs' text: every 8th corpus log (in name order), up to 2 MB.</summary>
    private static string CorpusSample()
    {
        const int MaxChars = 2 * 1024 * 1024;
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus", "real"), "*.log").Order(StringComparer.Ordinal);
        var text = new System.Text.StringBuilder();
        foreach (var file in files.Where((_, i) => i % 8 == 0))
        {
            text.Append(File.ReadAllText(file)).Append('\n');
            if (text.Length > MaxChars) break;
        }

        return text.ToString();
    }
}
