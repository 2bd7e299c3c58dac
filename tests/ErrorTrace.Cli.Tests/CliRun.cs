using System.Text;
using ErrorTrace.Cli;
using ErrorTrace.Cli.Hosting;

namespace ErrorTrace.Cli.Tests;

/// <summary>Runs the program in-process with captured stdout and stderr, the way a shell would, minus the process.</summary>
internal sealed class CliRun
{
    public string? Stdin { get; init; }

    public byte[]? StdinBytes { get; init; }

    public bool OutputIsTerminal { get; init; }

    public bool ErrorIsTerminal { get; init; }

    public int Width { get; init; } = 100;

    public long ProgressThresholdBytes { get; init; } = long.MaxValue;

    public CancellationToken Cancellation { get; init; }

    public Dictionary<string, string> Variables { get; init; } = [];

    public CliResult Invoke(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var stdinBytes = StdinBytes ?? Encoding.UTF8.GetBytes(Stdin ?? "");
        var environment = new CliEnvironment
        {
            Out = stdout,
            Error = stderr,
            OpenStandardInput = () => new MemoryStream(stdinBytes),
            OutputIsTerminal = OutputIsTerminal,
            ErrorIsTerminal = ErrorIsTerminal,
            TerminalWidth = Width,
            ProgressThresholdBytes = ProgressThresholdBytes,
            Cancellation = Cancellation,
            GetEnvironmentVariable = name => Variables.GetValueOrDefault(name),
        };
        var exitCode = CliApp.Run(args, environment);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static CliResult Run(params string[] args) => new CliRun().Invoke(args);
}
