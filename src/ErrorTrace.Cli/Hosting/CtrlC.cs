namespace ErrorTrace.Cli.Hosting;

/// <summary>
/// Turns the first Ctrl+C into a cancellation the commands can finish cleanly on; a second one kills the process as
/// usual, for when something does not respond. (System.CommandLine only does this for async actions.)
/// </summary>
internal static class CtrlC
{
    // Lives as long as the process; nothing to dispose.
    private static readonly CancellationTokenSource s_source = Register();

    public static CancellationToken Token => s_source.Token;

    private static CancellationTokenSource Register()
    {
        var source = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (source.IsCancellationRequested) return;
            e.Cancel = true;
            source.Cancel();
        };
        return source;
    }
}
