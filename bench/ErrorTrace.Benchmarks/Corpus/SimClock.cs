using System.Globalization;

namespace ErrorTrace.Benchmarks.Corpus;

/// <summary>The job's advancing wall clock, printed in the formats the different loggers use.</summary>
public sealed class SimClock(DateTime startUtc)
{
    private readonly DateTime _start = startUtc;

    public DateTime Now { get; private set; } = startUtc;

    public TimeSpan Elapsed => Now - _start;

    public void Advance(double seconds) => Now = Now.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));

    /// <summary>The seed trainer's <c>2025-12-10 03:58:22</c>.</summary>
    public string Seconds => Now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>transformers and DeepSpeed: <c>2025-12-10 03:58:22,123</c>.</summary>
    public string Millis => Now.ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);

    /// <summary>c10/glog as torch prints it: <c>1210 03:58:22.123456700</c> (no year, nanoseconds; .NET stops at 100 ns).</summary>
    public string Glog => Now.ToString("MMdd HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "00";

    /// <summary>tqdm's elapsed/remaining: <c>12:34</c> or <c>1:02:03</c>.</summary>
    public static string Hms(double seconds)
    {
        var s = (long)seconds;
        return s >= 3600 ? $"{s / 3600}:{s / 60 % 60:00}:{s % 60:00}" : $"{s / 60:00}:{s % 60:00}";
    }
}
