namespace ErrorTrace.Core.Classification;

/// <summary>A surface a rule reads (its <c>on</c>). Rules on the root are the strongest evidence; the others are secondary.</summary>
internal enum RuleTarget
{
    /// <summary>The root failure: its exception, its chain and its sub-exceptions.</summary>
    Root,

    /// <summary>Every failure other than the root (cascades and peers' failures).</summary>
    Failures,

    /// <summary>The deduplicated log entries (error level unless the rule says otherwise).</summary>
    Errors,

    /// <summary>The jobs database's one-line summary.</summary>
    Summary,

    /// <summary>The lines printed near the death (the log's last lines): progress bars, memory figures, a bare
    /// <c>Killed</c>, what no traceback or error record carries.</summary>
    Context,
}
