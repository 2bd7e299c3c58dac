namespace ErrorTrace.Core.Analysis;

/// <summary>A run's banner (<see cref="RunBanners"/>): its id, the wording a line starts with, the part of it the gate
/// searches for, whether the run starts at the line after it (a trailer such as LSF's job summary), and why it means a
/// run.</summary>
internal sealed record RunBanner(string Id, string Prefix, string GateNeedle, bool StartsNextLine, string Why);
