using ErrorTrace.Cli.Rendering;
using Spectre.Console;

namespace ErrorTrace.Cli.Hosting;

/// <summary>
/// The process's console as the commands see it. Commands never touch <see cref="Console"/> directly, so tests can run
/// them in-process with captured writers, a fake stdin, chosen terminal flags and a chosen Spectre console.
/// </summary>
internal sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public Func<Stream> OpenStandardInput { get; init; } = () => Stream.Null;

    /// <summary>True when stdout is a terminal: decides colour, indented JSON and the text width.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>True when stderr is a terminal: a progress bar is drawn only then, never into a pipe or a log file.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The terminal's width in columns; null asks <c>COLUMNS</c>, then falls back to a width that suits files.</summary>
    public int? TerminalWidth { get; init; }

    /// <summary>Logs at least this big get a progress bar; smaller ones read in a second or two, where a bar would only
    /// flicker. Tests lower it to see the bar.</summary>
    public long ProgressThresholdBytes { get; init; } = 64L * 1024 * 1024;

    public Func<string, string?> GetEnvironmentVariable { get; init; } = _ => null;

    /// <summary>Cancelled by Ctrl+C: the engine stops at its next chunk, the progress bar restores the cursor, and the
    /// exit code is 130 instead of a killed process with a hidden cursor.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Makes the Spectre console that writes to a writer; tests may swap in their own.</summary>
    public Func<TextWriter, ConsoleOptions, IAnsiConsole> CreateConsole { get; init; } = ConsoleFactory.Create;

    /// <summary>The real process: <see cref="Console"/>'s streams and the process environment.</summary>
    public static CliEnvironment FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        OpenStandardInput = Console.OpenStandardInput,
        OutputIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
        TerminalWidth = TryGetWindowWidth(),
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        Cancellation = CtrlC.Token,
    };

    /// <summary>True when the user asked for no colour with the <c>NO_COLOR</c> convention (https://no-color.org).</summary>
    public bool NoColorRequested => !string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR"));

    /// <summary>The width to lay text out in: the terminal's when there is one, else <c>COLUMNS</c>, else 120.</summary>
    public int Width(bool terminal)
    {
        if (terminal && TerminalWidth is > 0 and var width) return width;
        return int.TryParse(GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 20 ? columns : 120;
    }

    private static int? TryGetWindowWidth()
    {
        try
        {
            return Console.IsOutputRedirected ? null : Console.WindowWidth;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
