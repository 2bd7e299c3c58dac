using ErrorTrace.Core.Context;

namespace ErrorTrace.Server.Endpoints;

/// <summary>The lines asked for (fewer at the end of the log, or with a rank/host filter), redacted.</summary>
internal sealed record JobLogExcerpt(string JobId, long From, long To, IReadOnlyList<ExcerptLine> Lines);
