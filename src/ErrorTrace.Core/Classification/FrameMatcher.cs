using System.Collections.Frozen;
using System.Text.RegularExpressions;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// Matches stack frames. A pattern is a function name (<c>evaluate</c>), or <c>file:function</c> where
/// the file part is a substring of the frame's path (<c>serialization.py:save</c> is <c>torch.save</c>,
/// not any <c>save</c>) and the function may be <c>*</c>. Regexes match function names.
/// </summary>
internal sealed class FrameMatcher
{
    private readonly FrozenSet<string> _functions;
    private readonly (string File, string Function)[] _qualified;
    private readonly Regex? _regex;

    private FrameMatcher(FrozenSet<string> functions, (string, string)[] qualified, Regex? regex)
    {
        _functions = functions;
        _qualified = qualified;
        _regex = regex;
    }

    public static FrameMatcher? Create(IReadOnlyList<string>? patterns, IReadOnlyList<string>? regexes, string field)
    {
        var functions = new List<string>();
        var qualified = new List<(string, string)>();
        foreach (var pattern in patterns ?? [])
        {
            if (string.IsNullOrWhiteSpace(pattern)) throw new ArgumentException($"{field} has an empty pattern");
            var colon = pattern.LastIndexOf(':');
            if (colon < 0)
            {
                functions.Add(pattern);
                continue;
            }

            var file = pattern[..colon].Replace('\\', '/');
            var function = pattern[(colon + 1)..];
            if (file.Length == 0 || function.Length == 0)
                throw new ArgumentException($"{field} pattern '{pattern}' must be 'function' or 'file:function' (function may be *)");
            qualified.Add((file, function));
        }

        var regex = RegexFactory.Combine(regexes, field + "_regex");
        if (functions.Count == 0 && qualified.Count == 0 && regex is null) return null;
        return new FrameMatcher(functions.ToFrozenSet(StringComparer.Ordinal), [.. qualified], regex);
    }

    /// <summary>The index of the innermost matching frame, or -1: the innermost is the most specific.</summary>
    public int FindInnermost(IReadOnlyList<TracebackFrame> frames)
    {
        for (var i = frames.Count - 1; i >= 0; i--)
        {
            if (Matches(frames[i])) return i;
        }

        return -1;
    }

    public bool Matches(TracebackFrame frame)
    {
        var function = frame.Function;
        if (_functions.Contains(function)) return true;
        if (_regex is not null && function.Length > 0 && RegexFactory.FirstMatch(_regex, function) >= 0) return true;
        if (_qualified.Length == 0) return false;
        var file = frame.File.Contains('\\', StringComparison.Ordinal) ? frame.File.Replace('\\', '/') : frame.File;
        foreach (var (filePart, functionPart) in _qualified)
        {
            if ((functionPart == "*" || string.Equals(functionPart, function, StringComparison.Ordinal)) &&
                file.Contains(filePart, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
