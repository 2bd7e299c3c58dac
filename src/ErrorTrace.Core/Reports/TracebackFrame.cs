namespace ErrorTrace.Core.Reports;

/// <summary>One stack frame. For SyntaxError's pseudo-frame <see cref="Function"/> is <c>""</c>.</summary>
public sealed record TracebackFrame
{
    public required string File { get; init; }

    /// <summary>Null when the printer did not know it (CPython prints <c>line None</c>).</summary>
    public int? Line { get; init; }

    public required string Function { get; init; }

    /// <summary>The source line as printed (stripped), or null when the traceback showed none.</summary>
    public string? Code { get; init; }

    /// <summary>The job's own code (Sentry's <c>in_app</c>); false for installed packages, the standard library and
    /// launchers. One definition for every reader: the rules file's <c>frames</c> section (Classification/InAppRules).
    /// True until the report marks it.</summary>
    public bool InApp { get; init; } = true;
}
