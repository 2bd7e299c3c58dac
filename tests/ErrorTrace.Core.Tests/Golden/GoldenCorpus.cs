using System.Text.Json;

namespace ErrorTrace.Core.Tests.Golden;

/// <summary>The generated cases copied to the test output's <c>Corpus/golden/</c> (see its README.md): the full corpus
/// made by Python 3.11 at the top, and in <c>python3.X/</c> the uncaught and <c>logger.exception</c> shapes as other
/// CPython versions print them.</summary>
public static class GoldenCorpus
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A misspelt field in a hand-edited expectation must fail loudly, not be skipped.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private const string ExpectedSuffix = ".expected.json";

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Corpus", "golden");

    /// <summary>Case names (paths below the corpus without <c>.expected.json</c>, <c>python3.8/name</c> for another
    /// version's case), sorted so runs are comparable.</summary>
    public static IReadOnlyList<string> CaseNames()
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        return [.. System.IO.Directory.EnumerateFiles(Directory, "*" + ExpectedSuffix, SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Directory, p)[..^ExpectedSuffix.Length].Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The case's own name: what its expectation's <c>case</c> field says.</summary>
    public static string BaseName(string caseName) => caseName[(caseName.LastIndexOf('/') + 1)..];

    public static string LogPath(string caseName) => Path.Combine(Directory, caseName + ".log");

    public static GoldenExpectation Load(string caseName)
    {
        var json = File.ReadAllText(Path.Combine(Directory, caseName + ExpectedSuffix));
        return JsonSerializer.Deserialize<GoldenExpectation>(json, s_json)
            ?? throw new InvalidDataException($"{caseName}{ExpectedSuffix} is empty");
    }
}
