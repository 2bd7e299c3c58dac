using ErrorTrace.Cli.Commands;
using ErrorTrace.Cli.Hosting;

namespace ErrorTrace.Cli.Rendering;

/// <summary>Picks the writer for <c>--format</c> and decides colour, indentation and width from where the output goes.</summary>
internal static class ReportWriterFactory
{
    public static IReportWriter Create(AnalyzeSettings settings, OutputTarget target, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(environment);
        return settings.Format switch
        {
            // Indented only for one report read by a person; several reports stay one per line for jq and friends.
            ReportFormat.Json => new JsonReportWriter(target.Writer, indented: target.IsTerminal && settings.Files.Count == 1),
            ReportFormat.Markdown => new MarkdownReportWriter(target.Writer),
            _ => new TextReportWriter(environment.CreateConsole(target.Writer, new ConsoleOptions(
                Colour: target.IsTerminal && !settings.NoColor && !environment.NoColorRequested,
                Interactive: false,
                Width: environment.Width(target.IsTerminal)))),
        };
    }
}
