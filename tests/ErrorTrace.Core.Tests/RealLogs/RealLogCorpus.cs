using System.Text.Json;

namespace ErrorTrace.Core.Tests.RealLogs;

/// <summary>Reads the real-log cases copied to the test output directory (<c>Corpus/real</c>).</summary>
public static class RealLogCorpus
{
    /// <summary>Every category the engine must tell apart; each needs real cases, not only synthetic ones.</summary>
    public static readonly IReadOnlyList<string> Categories =
    [
        "oom_training", "oom_eval", "host_oom", "cuda_error", "nccl_error", "timeout", "config_error",
        "data_error", "dependency_error", "disk_error", "numerical_error", "segfault", "user_code",
    ];

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Lazy<IReadOnlyList<RealLogCase>> s_cases = new(LoadAll);

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

    private static List<RealLogCase> LoadAll()
    {
        var cases = new List<RealLogCase>();
        foreach (var json in System.IO.Directory.EnumerateFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            var slug = Path.GetFileNameWithoutExtension(json);
            var file = JsonSerializer.Deserialize<CaseFile>(File.ReadAllText(json), s_json)
                ?? throw new InvalidOperationException($"{json} is empty");
            cases.Add(new RealLogCase
            {
                Slug = slug,
                SourceUrl = file.SourceUrl ?? throw new InvalidOperationException($"{json}: source_url missing"),
                Project = file.Project ?? throw new InvalidOperationException($"{json}: project missing"),
                Expected = file.Expected ?? throw new InvalidOperationException($"{json}: expected missing"),
                Notes = file.Notes ?? "",
                LogPath = Path.ChangeExtension(json, ".log"),
            });
        }

        return cases;
    }
}
