namespace ErrorTrace.Benchmarks.Corpus;

/// <summary>A C# port of <c>scripts/bench/generate_log.py</c> (same structure, not byte-identical), so the benchmarks
/// run without Python. Deterministic for a seed and exactly <c>size</c> bytes long.</summary>
public static class SyntheticLog
{
    /// <summary>Room kept for the failure tail (about 8 KB) and the last step's output.</summary>
    private const int TailReserve = 32 * 1024;

    public static byte[] Generate(LogShape shape, int size, int seed = 20251210)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 4 * TailReserve);
        var random = new Random(seed);
        var clock = new SimClock(new DateTime(2025, 12, 10, 3, 41, 7, DateTimeKind.Utc));
        // About 180 bytes per step in the realistic shape; the job fails at ~85% of max_steps.
        var totalSteps = Math.Max(1000, size / 180 * 100 / 85 / 1000 * 1000);
        var log = new LogBuffer(size);
        TrainingPreamble.Write(log, clock, random, totalSteps);
        var body = new TrainingBody(log, clock, random, shape, totalSteps);
        while (log.Length < size - TailReserve - TrainingBody.MaxStepBytes) body.WriteStep();

        var tail = new LogBuffer(TailReserve);
        tail.Write("\n");
        FailureTail.Write(tail, clock, body.Step);
        Pad(log, size - log.Length - tail.Length);
        log.Write(tail.Written);
        return log.ToArray();
    }

    /// <summary>Fills the gap before the tail with heartbeat lines, then one line of exactly the remaining length.</summary>
    private static void Pad(LogBuffer log, int gap)
    {
        const string heartbeat = "\n[rank0]: [heartbeat] waiting for collective to complete";
        while (gap > heartbeat.Length * 2)
        {
            log.Write(heartbeat);
            gap -= heartbeat.Length;
        }

        log.WriteRepeated((byte)'.', gap);
    }
}
