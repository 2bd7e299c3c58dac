using System.CommandLine;
using ErrorTrace.Cli.Hosting;
using ErrorTrace.Server.Hosting;

namespace ErrorTrace.Cli.Commands;

/// <summary><c>errortrace serve</c>: runs the HTTP service (src/ErrorTrace.Server). The options here are shortcuts for
/// configuration keys; any other key can be given as <c>--Section:Key=value</c> (or in appsettings.json, or as an
/// <c>ERRORTRACE_Section__Key</c> environment variable).</summary>
internal static class ServeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (default: http://127.0.0.1:5000).", HelpName = "URLS" };
        var dataDir = new Option<string>("--data-dir") { Description = "The embedded database, demo tokens and (by default) logs (default: ~/.local/share/errortrace).", HelpName = "DIR" };
        var logsDir = new Option<string>("--logs-dir") { Description = "The logs directory: job_{id}.log or .log.gz, or the row's log_path inside it (default: DATA_DIR/logs).", HelpName = "DIR" };
        var db = new Option<string>("--db") { Description = "Jobs database connection string: 'Data Source=FILE' for SQLite, 'Host=...' for PostgreSQL (default: the embedded demo database).", HelpName = "CONNECTION" };
        var rules = new Option<string>("--rules") { Description = "Classification rules JSON, tried before the built-in ones (the same file as analyze --rules).", HelpName = "FILE" };

        var command = new Command("serve", "Serve GET /api/training/{job_id}/errors over a jobs database (a demo one by default).")
        {
            urls, dataDir, logsDir, db, rules,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parseResult =>
        {
            // The same check and message as analyze's; the service validates the file again at start (Classification:RulesFile).
            var rulesPath = parseResult.GetValue(rules);
            if (!RulesFile.TryLoad(rulesPath, environment.Error, out _)) return ExitCodes.BadRules;
            var args = new List<string>();
            Add(args, "urls", parseResult.GetValue(urls));
            Add(args, "Paths:DataDir", parseResult.GetValue(dataDir));
            Add(args, "Paths:LogsDir", parseResult.GetValue(logsDir));
            Add(args, "Database:ConnectionString", parseResult.GetValue(db));
            Add(args, "Classification:RulesFile", rulesPath is null ? null : Path.GetFullPath(rulesPath));
            args.AddRange(parseResult.UnmatchedTokens);
            try
            {
                return ErrorTrace.Server.Program.RunAsync([.. args], environment.Cancellation).GetAwaiter().GetResult();
            }
            catch (ServeStartupException ex)
            {
                // A taken port or an invalid setting: one line that says what to do, the usage exit code.
                environment.Error.WriteLine(ex.Message);
                return ex.ExitCode;
            }
        });
        return command;
    }

    private static void Add(List<string> args, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value)) args.Add($"--{key}={value}");
    }
}
