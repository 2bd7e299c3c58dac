using Spectre.Console;

namespace ErrorTrace.Cli.Rendering;

/// <summary>Builds Spectre consoles over arbitrary writers, with colour decided by us rather than by Spectre's sniffing,
/// so <c>--no-color</c>, <c>NO_COLOR</c> and pipes behave the same everywhere.</summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole Create(TextWriter writer, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ansi = options.Colour || options.Interactive;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = options.Colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = options.Interactive ? InteractionSupport.Yes : InteractionSupport.No,
            // The default enrichers detect CI servers and turn features off behind our back; we already decided.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = options.Width;
        return console;
    }
}
