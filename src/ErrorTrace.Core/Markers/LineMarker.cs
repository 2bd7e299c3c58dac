namespace ErrorTrace.Core.Markers;

/// <summary>Decides whether a line (envelopes removed, trimmed) is this marker; null when not.</summary>
internal delegate MarkerHit? MarkerMatcher(LineMarker marker, ReadOnlySpan<char> line);

/// <summary>A named rule for a single line that says something failed without a traceback around it.</summary>
/// <param name="Id">Stable id, reported as the entry's logger when the line has none.</param>
/// <param name="Needles">Substrings that must occur for the rule to be tried: the fast pre-filter.</param>
/// <param name="Comment">Which program prints the line, and what the rule may wrongly catch.</param>
/// <param name="Match">The precise check.</param>
internal sealed record LineMarker(string Id, string[] Needles, string Comment, MarkerMatcher Match);
