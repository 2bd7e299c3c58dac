namespace ErrorTrace.Cli.Rendering;

/// <summary>The <c>--format</c> values.</summary>
internal enum ReportFormat
{
    Text,
    Json,
    Markdown,
}
