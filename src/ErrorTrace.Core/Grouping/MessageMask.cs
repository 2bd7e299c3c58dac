namespace ErrorTrace.Core.Grouping;

/// <summary>Returns how many characters at <paramref name="start"/> the mask covers, or 0.</summary>
internal delegate int MaskMatcher(ReadOnlySpan<char> text, int start);

/// <summary>One parameterisation rule: what it replaces, with what, and why (Sentry's grouping "parameterization").</summary>
/// <param name="Name">Stable id, shown in docs and tests.</param>
/// <param name="Placeholder">The text that replaces a match, e.g. <c>&lt;num&gt;</c>.</param>
/// <param name="Comment">Why the rule exists and what it may wrongly merge.</param>
/// <param name="Match">The matcher.</param>
/// <param name="InsideWords">Also tried where no token starts (digits inside <c>rank3</c>).</param>
internal sealed record MessageMask(string Name, string Placeholder, string Comment, MaskMatcher Match, bool InsideWords = false);
