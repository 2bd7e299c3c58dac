using ErrorTrace.Cli.Rendering;

namespace ErrorTrace.Cli.Commands;

/// <summary>The <c>analyze</c> command's arguments once parsed and validated.</summary>
internal sealed record AnalyzeSettings
{
    public required IReadOnlyList<string> Files { get; init; }

    public ReportFormat Format { get; init; } = ReportFormat.Text;

    public string? RulesPath { get; init; }

    public string? JobId { get; init; }

    public string? Status { get; init; }

    public string? Summary { get; init; }

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public string? OutputPath { get; init; }

    public bool NoColor { get; init; }

    /// <summary>Read regular files through memory maps (the default; <c>--no-mmap</c> turns it off).</summary>
    public bool MemoryMap { get; init; } = true;

    /// <summary>Mask secrets in every format (the default; <c>--no-redact</c> turns it off).</summary>
    public bool Redact { get; init; } = true;
}
