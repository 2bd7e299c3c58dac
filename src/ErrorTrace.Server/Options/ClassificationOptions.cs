namespace ErrorTrace.Server.Options;

/// <summary><c>Classification</c>: the rules the reports are classified with, as the CLI's <c>--rules</c> (same file,
/// same format: the user's rules before the built-in ones, and its <c>frames</c> patterns for <c>in_app</c>).</summary>
internal sealed class ClassificationOptions
{
    public const string Section = "Classification";

    /// <summary>A rules file (docs/cli.md, "Rules files"); null uses the built-in rules. Read once at start: a file that
    /// cannot be used stops the service with the loader's message, as it stops <c>errortrace analyze</c>.</summary>
    public string? RulesFile { get; set; }
}
