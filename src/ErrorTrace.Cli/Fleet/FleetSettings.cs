namespace ErrorTrace.Cli.Fleet;

internal sealed record FleetSettings
{
    public required IReadOnlyList<string> Paths { get; init; }

    public required string Format { get; init; }

    public string? RulesPath { get; init; }

    public int Parallel { get; init; } = Environment.ProcessorCount;

    public bool NoColor { get; init; }
}
