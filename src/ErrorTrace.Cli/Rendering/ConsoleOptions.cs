namespace ErrorTrace.Cli.Rendering;

/// <summary>How a Spectre console should behave on one output.</summary>
/// <param name="Colour">Emit ANSI colours and styles.</param>
/// <param name="Interactive">Allow live output (the progress bar), which needs cursor movement.</param>
/// <param name="Width">Columns to lay out tables and wrap text in.</param>
internal sealed record ConsoleOptions(bool Colour, bool Interactive, int Width);
