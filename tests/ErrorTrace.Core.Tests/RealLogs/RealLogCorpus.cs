using ErrorTrace.Accuracy.Corpus;

namespace ErrorTrace.Core.Tests.RealLogs;

/// <summary>The real-log cases copied to the test output directory (<c>Corpus/real</c>), read once.</summary>
public static class RealLogCorpus
{
    /// <summary>Every category the engine must tell apart; each needs real cases, not only synthetic ones.</summary>
    public static IReadOnlyList<string> Categories => CorpusReader.Categories;

    private static readonly Lazy<IReadOnlyList<RealLogCase>> s_cases = new(() => CorpusReader.Read(Directory));

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Corpus", "real");

    public static IReadOnlyList<RealLogCase> Cases => s_cases.Value;

    /// <summary>Slugs rather than whole cases as theory data: strings serialize, so each case is its own test row.</summary>
    public static TheoryData<string> Slugs()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.Slug);
        return data;
    }

    public static RealLogCase Get(string slug) =>
        Cases.FirstOrDefault(c => c.Slug == slug) ?? throw new InvalidOperationException($"no real-log case '{slug}' in {Directory}");
}
