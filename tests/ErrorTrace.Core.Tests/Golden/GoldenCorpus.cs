using System.Text.Json;

namespace ErrorTrace.Core.Tests.Golden;

/// <summary>The generated cases copied to the test output's <c>Corpus/golden/</c> (see its README.md).</summary>
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

    /// <summary>Case names (file names without <c>.expected.json</c>), sorted so runs are comparable.</summary>
    public static IReadOnlyList<string> CaseNames()
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        return [.. System.IO.Directory.EnumerateFiles(Directory, "*" + ExpectedSuffix)
            .Select(p => Path.GetFileName(p)[..^ExpectedSuffix.Length])
            .Order(StringComparer.Ordinal)];
    }

    public static string LogPath(string caseName) => Path.Combine(Directory, caseName + ".log");

    public static GoldenExpectation Load(string caseName)
    {
        var json = File.ReadAllText(Path.Combine(Directory, caseName + ExpectedSuffix));
        return JsonSerializer.Deserialize<GoldenExpectation>(json, s_json)
            ?? throw new InvalidDataException($"{caseName}{ExpectedSuffix} is empty");
    }
}
