namespace ErrorTrace.Server.Hosting;

/// <summary>The service could not start for a reason the operator can fix (a taken port, an invalid setting):
/// <see cref="Exception.Message"/> is the one line to print and <see cref="ExitCode"/> the exit code (usage).</summary>
public sealed class ServeStartupException : Exception
{
    public ServeStartupException()
    {
    }

    public ServeStartupException(string message)
        : base(message)
    {
    }

    public ServeStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; init; } = StartupFailures.UsageExitCode;
}
