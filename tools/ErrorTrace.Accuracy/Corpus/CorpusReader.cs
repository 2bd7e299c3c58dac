using System.Text.Json;

namespace ErrorTrace.Accuracy.Corpus;

/// <summary>Reads a folder of real-log cases: every <c>&lt;slug&gt;.json</c> beside its <c>&lt;slug&gt;.log</c>.</summary>
public static class CorpusReader
{
    /// <summary>The batch of cases that predate batches: the logs the rules of earlier rounds were written from.</summary>
    public const string LegacyBatch = "b00";

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

    /// <summary>The cases of <paramref name="directory"/>, in slug order; a malformed case file throws, naming the file.</summary>
    public static List<RealLogCase> Read(string directory)
    {
        var cases = new List<RealLogCase>();
        foreach (var json in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var slug = Path.GetFileNameWithoutExtension(json);
            var file = JsonSerializer.Deserialize<CaseFile>(File.ReadAllText(json), s_json)
                ?? throw new InvalidDataException($"{json} is empty");
            cases.Add(new RealLogCase
            {
                Slug = slug,
                SourceUrl = file.SourceUrl ?? throw new InvalidDataException($"{json}: source_url missing"),
                Project = file.Project ?? throw new InvalidDataException($"{json}: project missing"),
                Expected = file.Expected ?? throw new InvalidDataException($"{json}: expected missing"),
                Notes = file.Notes ?? "",
                Batch = file.Batch ?? LegacyBatch,
                LogPath = Path.ChangeExtension(json, ".log"),
            });
        }

        return cases;
    }
}
