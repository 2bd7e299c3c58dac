using System.Text.RegularExpressions;

namespace ErrorTrace.Core.RunEnvironment;

/// <summary>One way a log states a fact about its environment: lines containing one of <see cref="Needles"/> are matched
/// against <see cref="Pattern"/>, whose group <c>v</c> is the value (or, with no pattern, <see cref="Fixed"/> is).
/// <see cref="Convert"/> may rewrite the captured text (a CUDA tag from torch's <c>+cu121</c>).</summary>
internal sealed record EnvironmentRule(string Name, string Key, string[] Needles, Regex? Pattern, string? Fixed = null, Func<string, string?>? Convert = null);
