namespace ErrorTrace.Core.Reports;

/// <summary>One fact about the environment: <c>torch</c> = <c>2.3.1+cu121</c>, said on <see cref="Line"/> (0 when it
/// comes from no single line).</summary>
public sealed record EnvironmentTag(string Key, string Value, long Line);
