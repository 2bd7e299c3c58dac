namespace ErrorTrace.Core.Analysis;

/// <summary>
/// Lines that launchers, schedulers and tools print once at the start (or the end) of every run, so that several of them
/// in one file mean several runs appended to it: a <c>nohup.out</c> collecting launches, an LSF output file the user
/// reuses, a W&amp;B run per launch. Each line is the tool's fixed wording, read at the line's start.
/// </summary>
internal static class RunBanners
{
    private static readonly RunBanner[] s_banners =
    [
        new("nohup", "nohup: ignoring input", "nohup: ignoring input", StartsNextLine: false,
            "nohup writes it to stderr at each launch whose stdin is a terminal ('nohup: ignoring input and appending output to 'nohup.out'')."),
        new("torchrun", "Setting OMP_NUM_THREADS environment variable for each process", "OMP_NUM_THREADS environment variable for each", StartsNextLine: false,
            "torch.distributed.run/launch print it in their start-up banner, once per launch (a restart inside torchelastic does not)."),
        new("lsf", "The output (if any) is above this job summary.", "(if any) is above this job summary", StartsNextLine: true,
            "LSF appends its job summary ('Sender: LSF System', the exit reason, resource usage) after the job's output and ends it with this line: what follows is the next job's output."),
        new("wandb", "wandb: Tracking run with wandb version", "wandb version", StartsNextLine: false,
            "Weights & Biases announces every run it starts ('wandb: Tracking run with wandb version 0.15.4')."),
    ];

    /// <summary>For the unstructured gate: a part of each banner that ordinary lines seldom start a 4-byte window with (the
    /// gate keys on a needle's first bytes, see Text/AsciiLiteralSet; "Sett", "The " and "wand" begin common lines).</summary>
    public static IEnumerable<string> Needles => s_banners.Select(b => b.GateNeedle);

    /// <summary>The banner the line is, or null. A prefix compare after the first character's check: this runs on every
    /// unstructured line past the gate.</summary>
    public static RunBanner? Match(ReadOnlySpan<char> line)
    {
        line = line.TrimStart();
        if (line.Length < MinBannerChars || line[0] is not ('n' or 'S' or 'T' or 'w')) return null;
        foreach (var banner in s_banners)
        {
            if (line.StartsWith(banner.Prefix, StringComparison.Ordinal)) return banner;
        }

        return null;
    }

    /// <summary>The shortest banner's length: a shorter line is none.</summary>
    private const int MinBannerChars = 21;
}
