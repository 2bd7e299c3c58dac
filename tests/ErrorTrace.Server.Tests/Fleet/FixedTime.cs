namespace ErrorTrace.Server.Tests.Fleet;

/// <summary>A clock that stands still until a test moves it.</summary>
internal sealed class FixedTime(DateTime utcNow) : TimeProvider
{
    private DateTimeOffset _now = new(utcNow, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
