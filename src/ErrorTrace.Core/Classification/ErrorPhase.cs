namespace ErrorTrace.Core.Classification;

/// <summary>The phases a report's <c>error_phase</c> can take.</summary>
internal static class ErrorPhase
{
    public const string Initialization = "initialization";
    public const string DataLoading = "data_loading";
    public const string Training = "training";
    public const string Evaluation = "evaluation";
    public const string Checkpointing = "checkpointing";
    public const string Monitoring = "monitoring";
    public const string Unknown = "unknown";

    public static IReadOnlyList<string> All { get; } =
        [Initialization, DataLoading, Training, Evaluation, Checkpointing, Monitoring, Unknown];

    public static bool IsKnown(string phase) => All.Contains(phase, StringComparer.Ordinal);
}
