namespace ErrorTrace.Core.Tracebacks;

internal enum GroupMarginKind
{
    /// <summary>No margin: a plain line.</summary>
    None,

    /// <summary><c>| text</c> or a top-level header's <c>+ text</c>.</summary>
    Content,

    /// <summary>A sub-exception's opening rule.</summary>
    Separator,

    /// <summary>The rule that closes a group's sub-exceptions.</summary>
    Close,
}
