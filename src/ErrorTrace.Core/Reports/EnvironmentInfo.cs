namespace ErrorTrace.Core.Reports;

/// <summary>
/// What a log says of the environment it ran in, as Sentry's tags: each a key, a value and the line that said it. Found
/// in the log's first <see cref="ScannedBytes"/> bytes (where launchers and libraries print their banners), in the
/// failures' frames (the Python version, the launcher's modules) and in the error groups' loggers. Keys, in order:
/// <c>launcher</c> (may repeat: <c>torchrun</c>, <c>deepspeed</c>, <c>accelerate</c>, <c>slurm</c>, <c>mpirun</c>,
/// <c>ray</c>, <c>kubernetes</c>), <c>world_size</c>, <c>gpu</c>, <c>gpu_count</c>, <c>python</c>, <c>torch</c>,
/// <c>cuda</c>, <c>nccl</c>, <c>transformers</c>, <c>deepspeed</c>.
/// </summary>
public sealed record EnvironmentInfo
{
    public IReadOnlyList<EnvironmentTag> Tags { get; init; } = [];

    /// <summary>Hosts named by launcher prefixes, in order of first appearance (the first
    /// <c>EnvironmentLimits.MaxHostsListed</c>).</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    public int HostCount { get; init; }

    /// <summary>Distinct ranks named by prefixes (<c>[rank3]:</c>, <c>[default3]:</c>, srun's <c>3: </c>).</summary>
    public int RankCount { get; init; }

    /// <summary>Bytes of the log's head searched for banners; a tag not found there may still be printed later.</summary>
    public long ScannedBytes { get; init; }
}
