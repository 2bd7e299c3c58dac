namespace ErrorTrace.Core.RunEnvironment;

/// <summary>The bounds of the environment scan, each with its reason.</summary>
internal static class EnvironmentLimits
{
    /// <summary>Bytes of the log's head searched for banners. Launchers, torch, NCCL, DeepSpeed and transformers print
    /// their versions, world size and GPUs while starting, in the first few thousand lines; later bytes cost the scan
    /// but rarely add a tag (the failures' frames and the error groups are looked at separately, at report time).
    /// Measured (callgrind, AOT, first 16 MiB of scripts/bench/generate_log.py's log): 4 MiB and 512 examined lines cost
    /// 4.3 % of the run, so both bounds were lowered.</summary>
    public const long ScanBytes = 2 * 1024 * 1024;

    /// <summary>Lines with a needle looked at closely (decoded and matched against the rules). Bounds the work on a head
    /// where every line says "version" or "GPU" (an NCCL INFO storm) to a fraction of a millisecond per MiB.</summary>
    public const int MaxExaminedLines = 128;

    /// <summary>Bytes of one line examined: banners are short; a progress bar's 50 KB of redraws is not a banner.</summary>
    public const int MaxLineBytes = 1024;

    /// <summary>Bytes widened to characters at a time for the needle search (rented, not kept per analyzer).</summary>
    public const int BlockBytes = 64 * 1024;

    /// <summary>Hosts listed in the report; <c>host_count</c> says how many there were.</summary>
    public const int MaxHostsListed = 64;

    /// <summary>Error groups whose message and logger are matched at report time (the first ones, in log order).</summary>
    public const int MaxErrorGroupsExamined = 200;

    /// <summary>Characters of a tag's value kept (a GPU name, a version string).</summary>
    public const int MaxValueChars = 64;
}
