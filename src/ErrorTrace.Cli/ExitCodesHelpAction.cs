using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ErrorTrace.Cli;

/// <summary>The standard help followed by the exit codes, which scripts calling errortrace need to know.</summary>
internal sealed class ExitCodesHelpAction(HelpAction inner) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var result = inner.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Exit codes:");
        foreach (var (code, meaning) in ExitCodes.Descriptions) output.WriteLine($"  {code}  {meaning}");
        output.WriteLine();
        return result;
    }
}
