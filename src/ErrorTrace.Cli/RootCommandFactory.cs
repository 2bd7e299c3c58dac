using System.CommandLine;
using System.CommandLine.Help;
using ErrorTrace.Cli.Commands;
using ErrorTrace.Cli.Fleet;
using ErrorTrace.Cli.Hosting;

namespace ErrorTrace.Cli;

/// <summary>Where commands are registered. A new command is one more line in <see cref="Create"/>.</summary>
internal static class RootCommandFactory
{
    public static RootCommand Create(CliEnvironment environment)
    {
        var root = new RootCommand("errortrace: find the root-cause failure in ML training-job logs.");
        root.Subcommands.Add(AnalyzeCommand.Create(environment));
        root.Subcommands.Add(ServeCommand.Create(environment));
        root.Subcommands.Add(FleetCommand.Create(environment));

        // The help option is recursive, so wrapping the root's covers every subcommand's --help too.
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction inner) help.Action = new ExitCodesHelpAction(inner);
        }

        return root;
    }
}
