using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Hosting;

/// <summary>
/// Start-up failures an operator causes and can fix — the port is taken, a setting is invalid — answered with one line
/// that says what to do and the usage exit code, instead of the host's logged stack traces and "internal error". While
/// the host starts, the host's and Kestrel's own error logs are held back (they would print the same failure with its
/// stack trace); any other start-up failure is still thrown to the caller.
/// </summary>
internal sealed class StartupFailures
{
    /// <summary>The exit code for usage errors, as the CLI's: scripts tell "fix your command line" from a crash.</summary>
    public const int UsageExitCode = 2;

    private volatile bool _starting = true;

    /// <summary>The categories that log a failed start ("Hosting failed to start", "Unable to start Kestrel"): for
    /// these two, warnings and above are logged, except errors while starting.</summary>
    private static readonly string[] s_startCategories = ["Microsoft.Extensions.Hosting.Internal.Host", "Microsoft.AspNetCore.Server.Kestrel"];

    /// <summary>Holds back the host's and Kestrel's errors until <see cref="Started"/>.</summary>
    public void Quieten(ILoggingBuilder logging)
    {
        foreach (var category in s_startCategories)
            logging.AddFilter(category, level => level >= LogLevel.Warning && !(_starting && level >= LogLevel.Error));
    }

    public void Started() => _starting = false;

    /// <summary>The exit code and the line for <paramref name="exception"/>, or null when it is not the operator's to fix.</summary>
    public static (int ExitCode, string Message)? Explain(Exception exception, IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is OptionsValidationException invalid)
            return (UsageExitCode, "errortrace: invalid configuration: " + string.Join(" ", invalid.Failures));
        if (!IsAddressInUse(exception)) return null;

        var address = urls.Select(u => BindingAddress.Parse(u)).FirstOrDefault();
        var hostPort = address is null ? "the address" : $"{address.Host}:{address.Port}";
        var example = address is null ? "http://127.0.0.1:5001" : $"{address.Scheme}://{address.Host}:{address.Port + 1}";
        return (UsageExitCode, $"errortrace: {hostPort} is in use (another errortrace serve?); pass --urls {example} or stop the other process.");
    }

    private static bool IsAddressInUse(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is AddressInUseException) return true;
            if (exception is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }) return true;
        }

        return false;
    }
}
