using Microsoft.Extensions.Internal;

namespace ErrorTrace.Server.Hosting;

/// <summary><see cref="Microsoft.Extensions.Caching.Memory.MemoryCache"/> still takes its clock as an
/// <see cref="ISystemClock"/>; this lets every cache run on the one <see cref="TimeProvider"/> (a fake one in tests).</summary>
internal sealed class TimeProviderClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
