using System.CommandLine;

namespace ErrorTrace.Cli;

/// <summary>Prints parse errors briefly, with the command to run for help, instead of the whole help text.</summary>
internal static class UsageErrors
{
    public static void Write(TextWriter error, ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(parseResult);
        foreach (var parseError in parseResult.Errors) error.WriteLine($"errortrace: {parseError.Message}");
        error.WriteLine($"Run '{CommandPath(parseResult.CommandResult.Command)} --help' for usage.");
    }

    private static string CommandPath(Command command) =>
        command is RootCommand ? "errortrace" : "errortrace " + command.Name;
}
