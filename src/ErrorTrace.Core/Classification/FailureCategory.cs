namespace ErrorTrace.Core.Classification;

/// <summary>
/// A failure category: the names the report uses (<c>error_type</c>) as constants,
/// and, per instance, what the report says about the category. The metadata lives in <c>rules.json</c>
/// so that wording changes do not need a code change.
/// </summary>
public sealed class FailureCategory
{
    public const string OomTraining = "oom_training";
    public const string OomEval = "oom_eval";
    public const string HostOom = "host_oom";
    public const string CudaError = "cuda_error";
    public const string NcclError = "nccl_error";
    public const string Timeout = "timeout";
    public const string ConfigError = "config_error";
    public const string DataError = "data_error";
    public const string DependencyError = "dependency_error";
    public const string DiskError = "disk_error";
    public const string NumericalError = "numerical_error";
    public const string Segfault = "segfault";
    public const string UserCode = "user_code";
    public const string Unknown = "unknown";

    /// <summary>The built-in names, in the order the documentation lists them.</summary>
    internal static IReadOnlyList<string> BuiltInNames { get; } =
    [
        OomTraining, OomEval, HostOom, CudaError, NcclError, Timeout, ConfigError,
        DataError, DependencyError, DiskError, NumericalError, Segfault, UserCode, Unknown,
    ];

    internal FailureCategory(string name, string description, string defaultPhase, IReadOnlyList<Suggestion> suggestions)
    {
        Name = name;
        Description = description;
        DefaultPhase = defaultPhase;
        SuggestionRules = suggestions;
        Suggestions = [.. suggestions.Select(s => s.Text)];
    }

    public string Name { get; }

    /// <summary>One sentence: what went wrong, for a reader who has not seen the log.</summary>
    public string Description { get; }

    /// <summary>The phase reported when neither the rule, the frames nor the record phase say one.</summary>
    public string DefaultPhase { get; }

    /// <summary>Concrete next steps, most useful first (all of them; a report gives those whose condition the log meets).</summary>
    public IReadOnlyList<string> Suggestions { get; }

    /// <summary>The same with their conditions.</summary>
    internal IReadOnlyList<Suggestion> SuggestionRules { get; }
}
