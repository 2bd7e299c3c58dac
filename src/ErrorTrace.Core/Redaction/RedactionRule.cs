using System.Text.RegularExpressions;

namespace ErrorTrace.Core.Redaction;

/// <summary>One named secret pattern and what replaces it (<c>$1</c> keeps a prefix such as the header name).</summary>
internal sealed record RedactionRule(string Name, Regex Pattern, string Replacement);
