using System.CommandLine;
using System.CommandLine.Parsing;
using ErrorTrace.Cli.Hosting;
using ErrorTrace.Cli.Rendering;

namespace ErrorTrace.Cli.Commands;

/// <summary><c>errortrace analyze FILE...</c>: its arguments, their validation, and the hand-off to <see cref="AnalyzeRunner"/>.
/// Every usage mistake is caught here, at parse time, so it gets exit code 2 like any other bad argument.</summary>
internal static class AnalyzeCommand
{
    private static readonly string[] s_statuses = ["failed", "cancelled", "completed", "running"];

    public static Command Create(CliEnvironment environment)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Log files to analyse ('-' reads stdin; gzip is decompressed whatever the name).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: a coloured report, the JSON report (one per line for several files), or Markdown for a GitHub issue.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var rules = new Option<string>("--rules") { Description = "Classification rules JSON, tried before the built-in ones.", HelpName = "FILE" };
        var jobId = new Option<string>("--job-id") { Description = "Job id for the report (default: from a job_ID.log file name, else 'unknown').", HelpName = "ID" };
        var status = new Option<string>("--status") { Description = "The job's status, if known (default: failed when a fatal failure is found).", HelpName = "STATUS" };
        status.AcceptOnlyFromAmong(s_statuses);
        var summary = new Option<string>("--summary") { Description = "The job's short error summary, e.g. 'Training process exited with code 1'.", HelpName = "TEXT" };
        var timeZone = new Option<string>("--timezone") { Description = "Zone of timestamps without one: IANA id, UTC, local or +HH:MM (default: UTC).", HelpName = "ZONE" };
        timeZone.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && !TimeZoneParser.TryParse(value, out _))
                result.AddError($"Unknown time zone '{value}'. Use an IANA id such as Europe/Berlin, UTC, local, or an offset such as +05:30.");
        });
        var output = new Option<string>("--output", "-o") { Description = "Write the report to FILE instead of stdout (never coloured).", HelpName = "FILE" };
        var noColor = new Option<bool>("--no-color") { Description = "Plain text even on a terminal (also: the NO_COLOR environment variable)." };
        var noRedact = new Option<bool>("--no-redact") { Description = "Show secrets as the log has them (tokens, passwords, keys are masked by default, so a report can be pasted into an issue)." };
        var noMmap = new Option<bool>("--no-mmap") { Description = "Read files with read() copies instead of memory maps (slower; safe if another process may truncate the log meanwhile)." };

        var command = new Command("analyze", "Analyse training-job logs and report the root-cause failure.")
        {
            files, format, rules, jobId, status, summary, timeZone, output, noColor, noRedact, noMmap,
        };
        command.Validators.Add(result => ValidateFiles(result, files, jobId));
        command.SetAction(parseResult =>
        {
            // Already validated at parse time; the fallback only satisfies the compiler.
            var zone = TimeZoneParser.TryParse(parseResult.GetValue(timeZone) ?? "UTC", out var parsed) ? parsed : TimeZoneInfo.Utc;
            var settings = new AnalyzeSettings
            {
                Files = parseResult.GetValue(files) ?? [],
                Format = Enum.Parse<ReportFormat>(parseResult.GetValue(format) ?? "text", ignoreCase: true),
                RulesPath = parseResult.GetValue(rules),
                JobId = parseResult.GetValue(jobId),
                Status = parseResult.GetValue(status),
                Summary = parseResult.GetValue(summary),
                TimeZone = zone,
                OutputPath = parseResult.GetValue(output),
                NoColor = parseResult.GetValue(noColor),
                MemoryMap = !parseResult.GetValue(noMmap),
                Redact = !parseResult.GetValue(noRedact),
            };
            return new AnalyzeRunner(environment).Run(settings, environment.Cancellation);
        });
        return command;
    }

    private static void ValidateFiles(CommandResult result, Argument<string[]> files, Option<string> jobId)
    {
        var paths = result.GetValue(files) ?? [];
        // An unknown option lands in FILE (it takes any number of values); say what it is rather than "no such file".
        foreach (var unknown in paths.Where(p => p.Length > 1 && p[0] == '-'))
            result.AddError($"Unknown option '{unknown}'. (For a file whose name starts with '-', write ./{unknown}.)");
        if (paths.Count(p => p == "-") > 1) result.AddError("stdin ('-') can be read only once.");
        if (paths.Any(string.IsNullOrWhiteSpace)) result.AddError("An empty FILE name was given.");
        // One id for several logs would make their reports indistinguishable.
        if (paths.Length > 1 && result.GetValue(jobId) is not null)
            result.AddError("--job-id names one job; give one FILE, or drop --job-id to take each id from its file name.");
    }
}
