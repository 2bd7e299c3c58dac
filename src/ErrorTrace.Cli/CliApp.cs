using System.CommandLine;
using System.CommandLine.Invocation;
using ErrorTrace.Cli.Hosting;

namespace ErrorTrace.Cli;

/// <summary>The program's entry point, separate from <c>Program.cs</c> so tests can call it with their own console.</summary>
internal static class CliApp
{
    public static int Run(string[] args, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        try
        {
            var root = RootCommandFactory.Create(environment);
            var parseResult = root.Parse(args);
            if (parseResult.Action is ParseErrorAction)
            {
                UsageErrors.Write(environment.Error, parseResult);
                return ExitCodes.Usage;
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = environment.Out,
                Error = environment.Error,
                // Our own catch below prints one line instead of System.CommandLine's stack trace.
                EnableDefaultExceptionHandler = false,
            });
        }
#pragma warning disable CA1031 // The last line of defence: the user gets a sentence and an exit code, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            environment.Error.WriteLine($"errortrace: internal error: {ex.GetType().Name}: {ex.Message}");
            environment.Error.WriteLine("This is a bug in errortrace; please report it with the command line you ran.");
            return ExitCodes.InternalError;
        }
    }
}
