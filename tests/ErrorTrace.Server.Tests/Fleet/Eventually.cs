namespace ErrorTrace.Server.Tests.Fleet;

/// <summary>Waits for a state the background indexer reaches on its own: polls until <paramref name="check"/> holds, and
/// fails with the last value after a deadline generous enough for a loaded CI machine. Not a timing assertion: how
/// fast the state is reached is never tested, only that it is.</summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan s_pause = TimeSpan.FromMilliseconds(50);

    public static async Task<T> HoldsAsync<T>(Func<Task<T>> read, Func<T, bool> check, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        T value;
        while (true)
        {
            value = await read();
            if (check(value)) return value;
            if (DateTime.UtcNow > until) break;
            await Task.Delay(s_pause, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Not reached within {Deadline.TotalSeconds} s: {what}. Last value: {value}");
        return value;
    }
}
