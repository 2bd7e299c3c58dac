using System.Text;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// The literals a regex cannot match without: a set of strings such that every match contains one of them, read from
/// the pattern's text (.NET regex syntax, without <c>RegexOptions.IgnorePatternWhitespace</c>). A text that contains none
/// of them cannot match, and a vectorised multi-string search says so far faster than the regex interpreter, which tries
/// a pattern without a literal prefix at every position (<c>(^|\s)…(infer|predict|eval)</c>: ~1,000 instructions per
/// character). The answer only ever filters, so the reader is conservative: whatever it does not understand (a
/// conditional, a class subtraction, an escape it does not know, <c>(?x)</c>) yields no literals, and a zero-width
/// assertion, a lookaround or an optional atom ends the literal run it interrupts.
/// <para>Only ASCII letters, digits and a few punctuation characters count as literal characters: the caller searches
/// ordinally ignoring case, which for ASCII texts is a superset of the regex's case-insensitive match of ASCII literals
/// (a non-ASCII literal such as the Kelvin sign would fold onto an ASCII letter under the regex's case table).</para>
/// </summary>
internal static class RequiredLiterals
{
    /// <summary>Literals shorter than this are in nearly every line: searching for them first costs more than it saves.</summary>
    public const int MinChars = 3;

    /// <summary>The literals every match of <paramref name="pattern"/> contains one of, or null when none is known.</summary>
    public static string[]? Of(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var reader = new Reader(pattern);
        var set = reader.Alternation();
        return reader.Failed || reader.At != pattern.Length || set is null ? null : [.. set];
    }

    private sealed class Reader(string pattern)
    {
        public int At;
        public bool Failed;

        /// <summary>Branches up to the closing ')' (not consumed) or the end: the union of the branches' sets, or null
        /// when a branch has none.</summary>
        public HashSet<string>? Alternation()
        {
            var union = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var all = true;
            while (true)
            {
                var branch = Sequence();
                if (Failed) return null;
                if (branch is null) all = false;
                else union.UnionWith(branch);
                if (At < pattern.Length && pattern[At] == '|')
                {
                    At++;
                    continue;
                }

                return all ? union : null;
            }
        }

        /// <summary>One branch: its best required set (the one whose shortest literal is longest), or null.</summary>
        private HashSet<string>? Sequence()
        {
            HashSet<string>? best = null;
            var run = new StringBuilder();
            while (At < pattern.Length && !Failed)
            {
                var c = pattern[At];
                if (c is '|' or ')') break;
                HashSet<string>? atomSet = null;
                char? literal = null;
                switch (c)
                {
                    case '\\':
                        literal = Escape();
                        break;
                    case '[':
                        SkipClass();
                        break;
                    case '(':
                        atomSet = Group();
                        break;
                    case '.' or '^' or '$':
                        At++;
                        break;
                    case '*' or '+' or '?' or '{':
                        // A quantifier with nothing before it (or '{' read literally by .NET): not worth understanding.
                        Failed = true;
                        return null;
                    default:
                        At++;
                        literal = IsLiteral(c) ? c : null;
                        break;
                }

                var (min, quantified) = Quantifier();
                if (Failed) return null;
                if (literal is { } ch && min >= 1)
                {
                    run.Append(ch);
                    // "ab+c": the run "ab" is required, but what follows the repeated 'b' is not adjacent to the 'a'.
                    if (quantified) Take(ref best, run);
                    continue;
                }

                Take(ref best, run);
                if (atomSet is not null && min >= 1) best = Better(best, atomSet);
            }

            Take(ref best, run);
            return best;
        }

        private static void Take(ref HashSet<string>? best, StringBuilder run)
        {
            if (run.Length >= MinChars) best = Better(best, new HashSet<string>([run.ToString()], StringComparer.OrdinalIgnoreCase));
            run.Clear();
        }

        private static HashSet<string>? Better(HashSet<string>? a, HashSet<string> b)
        {
            if (b.Count == 0 || b.Min(s => s.Length) < MinChars) return a;
            if (a is null) return b;
            var (minA, minB) = (a.Min(s => s.Length), b.Min(s => s.Length));
            return minB > minA || (minB == minA && b.Count < a.Count) ? b : a;
        }

        /// <summary>A group's required set: capturing, named, non-capturing, atomic or option-scoped groups are read;
        /// lookarounds and inline options are zero-width (null); a conditional or comment fails or is skipped.</summary>
        private HashSet<string>? Group()
        {
            At++; // '('
            if (At < pattern.Length && pattern[At] == '?')
            {
                At++;
                if (At >= pattern.Length) return Fail();
                var k = pattern[At];
                if (k is ':' or '>') At++;
                else if (k is '=' or '!') return Lookaround(1);
                else if (k == '<' && At + 1 < pattern.Length && pattern[At + 1] is '=' or '!') return Lookaround(2);
                else if (k is '<' or '\'')
                {
                    var close = k == '<' ? '>' : '\'';
                    var end = pattern.IndexOf(close, At + 1);
                    if (end < 0) return Fail();
                    At = end + 1;
                }
                else if (k == '#')
                {
                    var end = pattern.IndexOf(')', At);
                    if (end < 0) return Fail();
                    At = end + 1;
                    return null;
                }
                else if (char.IsAsciiLetter(k) || k == '-')
                {
                    // Inline options "(?i)", "(?-i:…)": case changes only widen the ordinal-ignore-case search's
                    // superset; 'x' changes how the pattern reads, so it is not understood.
                    while (At < pattern.Length && (char.IsAsciiLetter(pattern[At]) || pattern[At] == '-'))
                    {
                        if (pattern[At] == 'x') return Fail();
                        At++;
                    }

                    if (At >= pattern.Length) return Fail();
                    if (pattern[At] == ')')
                    {
                        At++;
                        return null;
                    }

                    if (pattern[At] != ':') return Fail();
                    At++;
                }
                else
                {
                    return Fail(); // "(?(" conditionals and anything else
                }
            }

            var inner = Alternation();
            if (Failed) return null;
            if (At >= pattern.Length || pattern[At] != ')') return Fail();
            At++;
            return inner;
        }

        private HashSet<string>? Lookaround(int skip)
        {
            At += skip;
            _ = Alternation();
            if (Failed) return null;
            if (At >= pattern.Length || pattern[At] != ')') return Fail();
            At++;
            return null;
        }

        /// <summary>An escape: the literal character of an escaped punctuation mark, or null for classes, anchors,
        /// backreferences and control escapes (consumed); fails on anything not known.</summary>
        private char? Escape()
        {
            At++; // '\'
            if (At >= pattern.Length)
            {
                Failed = true;
                return null;
            }

            var c = pattern[At++];
            switch (c)
            {
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G' or 'w' or 'W' or 's' or 'S' or 'd' or 'D' or 'n' or 't' or 'r' or 'f' or 'v' or 'e' or 'a':
                    return null;
                case 'p' or 'P' or 'k':
                    // "\p{L}", "\k<name>", "\k'name'": skip to the closer of the opener that follows, never past a
                    // '|' or ')' of the pattern (a search for the closer alone could swallow a top-level alternation).
                    var close = At < pattern.Length ? pattern[At] switch { '{' when c != 'k' => '}', '<' when c == 'k' => '>', '\'' when c == 'k' => '\'', _ => '\0' } : '\0';
                    var end = close == '\0' ? -1 : pattern.IndexOfAny([close, '|', ')'], At + 1);
                    if (end < 0 || pattern[end] != close) Failed = true;
                    else At = end + 1;
                    return null;
                case 'x':
                    At += 2;
                    return null;
                case 'u':
                    At += 4;
                    return null;
                case 'c':
                    At++;
                    return null;
                default:
                    if (char.IsAsciiDigit(c))
                    {
                        while (At < pattern.Length && char.IsAsciiDigit(pattern[At])) At++;
                        return null;
                    }

                    if (char.IsAsciiLetter(c) || c > '\x7f')
                    {
                        Failed = true;
                        return null;
                    }

                    return IsLiteral(c) ? c : null;
            }
        }

        /// <summary>Skips a character class; a subtraction (<c>-[</c>) is not understood.</summary>
        private void SkipClass()
        {
            At++; // '['
            if (At < pattern.Length && pattern[At] == '^') At++;
            if (At < pattern.Length && pattern[At] == ']') At++;
            while (At < pattern.Length && pattern[At] != ']')
            {
                if (pattern[At] == '\\') At++;
                else if (pattern[At] == '-' && At + 1 < pattern.Length && pattern[At + 1] == '[') Failed = true;
                At++;
            }

            if (At >= pattern.Length) Failed = true;
            else At++;
        }

        /// <summary>The quantifier after an atom, if any: its minimum count (1 without one) and whether there was one.</summary>
        private (int Min, bool Quantified) Quantifier()
        {
            if (At >= pattern.Length) return (1, false);
            int min;
            switch (pattern[At])
            {
                case '*' or '?':
                    min = 0;
                    At++;
                    break;
                case '+':
                    min = 1;
                    At++;
                    break;
                case '{':
                    var end = pattern.IndexOf('}', At);
                    var body = end < 0 ? "" : pattern[(At + 1)..end];
                    var comma = body.IndexOf(',');
                    var first = comma < 0 ? body : body[..comma];
                    if (first.Length == 0 || !first.All(char.IsAsciiDigit) || (comma >= 0 && !body[(comma + 1)..].All(char.IsAsciiDigit)))
                    {
                        // .NET reads a '{' that starts no quantifier as a literal; rare enough to give up on.
                        Failed = true;
                        return (0, false);
                    }

                    min = first.Length > 4 ? 2 : int.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
                    At = end + 1;
                    break;
                default:
                    return (1, false);
            }

            if (At < pattern.Length && pattern[At] == '?') At++; // lazy
            return (min, true);
        }

        private HashSet<string>? Fail()
        {
            Failed = true;
            return null;
        }

        /// <summary>Characters whose ordinal-ignore-case match equals the regex's case-insensitive one on ASCII text.</summary>
        private static bool IsLiteral(char c) => char.IsAsciiLetterOrDigit(c) || c is ' ' or '_' or '-' or ':' or '=' or '/' or '.' or ',' or '\'' or '"' or '<' or '>' or '@' or '%' or '!' or '&' or ';';
    }
}
