using ErrorTrace.Core.Tracebacks;

namespace ErrorTrace.Core.Markers;

/// <summary>
/// A process's death by a signal as a runtime or a supervisor words it, when no shell reported it: R's own fatal-signal
/// handler and gunicorn's arbiter reaping a worker. Each is the program's fixed sentence with the signal in it, never
/// prose about a crash.
/// </summary>
internal static class RuntimeDeathReports
{
    /// <summary>R's handler (src/main/main.c, <c>sigactionSegv</c>): <c>REprintf("\n *** caught %s ***\n", s)</c>, with
    /// s the signal's word, then <c>address 0x…, cause 'memory not mapped'</c> and R's own traceback. R prints it for
    /// SIGSEGV, SIGBUS and SIGILL only.</summary>
    private static readonly (string Words, string Signal)[] s_rWords =
        [("segfault", "SIGSEGV"), ("bus error", "SIGBUS"), ("illegal operation", "SIGILL")];

    private const string RPrefix = "*** caught ";

    private const string RSuffix = " ***";

    public static readonly LineMarker RHandler = new("r-caught-signal", [RPrefix],
        "R's fatal-signal handler, printed by every R session whose native code crashes (xgboost, lightgbm, torch for R, keras via reticulate): ' *** caught segfault ***' (also 'bus error', 'illegal operation'), then 'address 0x…, cause …' and R's 'Traceback:'. The whole line only: the words between '*** caught ' and ' ***' are one of R's three. The needle's fingerprint ('*** ') is one the gate had (absl's '*** SIG', glibc's '*** Error in `').",
        MatchR);

    /// <summary>gunicorn's arbiter (arbiter.py, <c>reap_workers</c>) for a worker a signal ended:
    /// <c>Worker (pid:54) was sent SIGKILL! Perhaps out of memory?</c>, <c>was sent code 139!</c> when the number is no
    /// signal it knows (as the reporters read it, the shell's 128 + N), and since 20.1 <c>Worker with pid 7 was terminated
    /// due to signal 9</c>. A worker's <c>exited with code 1</c> is an exception's exit, not a signal: left to the
    /// exception the worker printed.</summary>
    private const string SentKey = ") was sent ";

    private const string DueKey = "d due to signal ";

    /// <summary>The gate's needles (UnstructuredGate, NeedleIndex) for both wordings, parts of the worker's name, which the
    /// matcher then wants with gunicorn's whole sentence. 'with pid ' keys on 'with', a fingerprint (Text/RareWindow) the
    /// gate had ('exited with code'): it changes no bucket. No part of 'Worker (pid:54) was sent code 139!' has one, and a
    /// new fingerprint makes the bucket planner (Text/BucketPlanner) merge anew, in the order it meets the fingerprints: with
    /// ') was sent ' (fingerprint ') wa') among the shell reports, the gate verified 2.5 times as many windows of the
    /// benchmark's mixed log (+3.6 % instructions); 'er (p' (fingerprint 'r (p') there, 3 times; 'er (p' in the last marker
    /// (LineMarkers.All), 18 more windows in 16 MiB. So this marker is the last, and a new needle elsewhere should be
    /// measured with scripts/bench/callgrind.sh. The trade-off: DataLoader's 'worker (pid N) is killed by signal' lines,
    /// which pass the gate anyway, ask this marker too when no other matched; gunicorn's 'Booting worker with pid: 31',
    /// outside a record, now reaches the markers.</summary>
    private const string PidNeedle = "er (p";

    private const string WithPidNeedle = "with pid ";

    public static readonly LineMarker Gunicorn = new("gunicorn-worker-signal", [PidNeedle, WithPidNeedle],
        "gunicorn's arbiter reaping a worker a signal ended (model servers: MLflow, SageMaker containers, Annif): 'Worker (pid:54) was sent SIGKILL! Perhaps out of memory?', 'Worker (pid:54) was sent code 139!', 'Worker with pid 7 was terminated due to signal 9'. Only after 'Worker (pid:' or 'Worker with pid '. The needles are parts of 'Worker (pid:' and 'Worker with pid ' chosen, with the marker's place (the last), for what they cost the gate (RuntimeDeathReports.PidNeedle): the sentence's own words ('was sent', 'due to signal') put 2.5 times the candidate windows into it.",
        MatchGunicorn);

    private static MarkerHit? MatchR(LineMarker marker, ReadOnlySpan<char> line) =>
        ReadR(line) is { } signal ? new MarkerHit(marker, MarkerKind.Death, signal) : null;

    /// <summary>The signal R's handler names on this trimmed line, or null.</summary>
    public static string? ReadR(ReadOnlySpan<char> line)
    {
        if (!line.StartsWith(RPrefix, StringComparison.Ordinal) || !line.EndsWith(RSuffix, StringComparison.Ordinal)) return null;
        var words = line[RPrefix.Length..^RSuffix.Length];
        foreach (var (word, signal) in s_rWords)
        {
            if (words.SequenceEqual(word)) return signal;
        }

        return null;
    }

    private static MarkerHit? MatchGunicorn(LineMarker marker, ReadOnlySpan<char> line) =>
        ReadGunicorn(line) is { } signal ? new MarkerHit(marker, MarkerKind.Death, signal) : null;

    /// <summary>The signal gunicorn's arbiter names on this line, or null.</summary>
    public static string? ReadGunicorn(ReadOnlySpan<char> line)
    {
        var at = line.IndexOf(SentKey, StringComparison.Ordinal);
        if (at > 0)
        {
            var open = line[..at].LastIndexOf("Worker (pid:", StringComparison.Ordinal);
            if (open < 0 || line[(open + 12)..at].ContainsAnyExceptInRange('0', '9')) return null;
            var what = line[(at + SentKey.Length)..];
            var bang = what.IndexOf('!');
            if (bang <= 0) return null;
            what = what[..bang];
            if (what.StartsWith("SIG", StringComparison.Ordinal)) return IsKnown(what) ? what.ToString() : null;
            return what.StartsWith("code ", StringComparison.Ordinal) && long.TryParse(what[5..], out var code)
                ? SignalNames.FromExitCode(code) ?? SignalNames.FromNumber((int)Math.Min(code, int.MaxValue))
                : null;
        }

        at = line.IndexOf(DueKey, StringComparison.Ordinal);
        if (at < 0 || !line[..at].Contains("Worker with pid ", StringComparison.Ordinal)
            || !line[..(at + 1)].EndsWith("was terminated", StringComparison.Ordinal)) return null;
        var number = line[(at + DueKey.Length)..].TrimEnd(" .!");
        return number.Length is > 0 and < 3 && int.TryParse(number, out var n) ? SignalNames.FromNumber(n) : null;
    }

    private static bool IsKnown(ReadOnlySpan<char> name)
    {
        for (var n = 1; n < 32; n++)
        {
            if (SignalNames.FromNumber(n) is { } known && name.SequenceEqual(known)) return true;
        }

        return false;
    }
}
