using System.CommandLine;
using ErrorTrace.Cli.Hosting;

namespace ErrorTrace.Cli.Fleet;

/// <summary><c>errortrace fleet FILES|DIRS...</c>: the service's failures view over log files — every log analysed (in
/// parallel, on all cores), the failed ones grouped by root-cause signature, most jobs first.</summary>
internal static class FleetCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Log files, or directories searched (recursively) for *.log, *.log.gz and *.out. Each file is one job, named after the file.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: a table, the JSON of GET /api/training/failures, or Markdown.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var rules = new Option<string>("--rules") { Description = "Classification rules JSON, tried before the built-in ones.", HelpName = "FILE" };
        var parallel = new Option<int>("--parallel", "-j")
        {
            Description = "Logs analysed at once (default: one per core).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--parallel is at least 1.");
        });
        var noColor = new Option<bool>("--no-color") { Description = "Plain text even on a terminal (also: the NO_COLOR environment variable)." };

        var command = new Command("fleet", "Group many training logs by root-cause failure: which failure killed how many jobs, where.")
        {
            paths, format, rules, parallel, noColor,
        };
        command.Validators.Add(result =>
        {
            foreach (var unknown in (result.GetValue(paths) ?? []).Where(p => p.Length > 1 && p[0] == '-'))
                result.AddError($"Unknown option '{unknown}'. (For a file whose name starts with '-', write ./{unknown}.)");
        });
        command.SetAction(parseResult => new FleetRunner(environment).Run(new FleetSettings
        {
            Paths = parseResult.GetValue(paths) ?? [],
            Format = parseResult.GetValue(format) ?? "text",
            RulesPath = parseResult.GetValue(rules),
            Parallel = parseResult.GetValue(parallel),
            NoColor = parseResult.GetValue(noColor),
        }, environment.Cancellation));
        return command;
    }
}
