using System.Text.RegularExpressions;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Finds the regex shapes whose backtracking cost grows exponentially with the text: a repeated group that itself
/// repeats an atom without bound, with nothing that forces the two repetitions apart (<c>(\w+)+</c>,
/// <c>(?:[^\n]*x)+</c>), or a group of alternatives repeated without bound (<c>(a|aa)*</c>: the alternatives may overlap,
/// which the check does not try to decide). A group that starts with a literal its repeated atoms cannot match (<c>(, ?\d+)*</c>,
/// <c>(\.\d+)*</c>, <c>(?: [\w.-]+){0,3}</c>) splits the text one way only, so it stays linear. Bounded repeats
/// (<c>[^\n]{0,80}</c>) and single unbounded ones cost at most the text's length times a constant, and the classifier
/// reads only a message's head (<c>TextMatcher.MaxRegexChars</c>). The reading of .NET syntax is conservative: an
/// escape or a class is one atom, every group counts, lookarounds included.
/// </summary>
internal static class RegexShape
{
    private const int Unbounded = int.MaxValue;

    /// <summary>The first repeated group of <paramref name="pattern"/> that nests an unbounded repeat with no separating
    /// literal, or null when there is none.</summary>
    public static string? NestedRepeat(string pattern)
    {
        var tokens = Tokenize(pattern);
        // Per open group: where it starts in tokens, and the atoms it repeats without bound.
        var groups = new Stack<(int Start, List<string> UnboundedAtoms, bool[] Alternation)>();
        groups.Push((0, [], [false]));
        for (var i = 0; i < tokens.Count; i++)
        {
            var (kind, text) = tokens[i];
            if (kind == Kind.Open)
            {
                groups.Push((i, [], [false]));
            }
            else if (kind == Kind.Close)
            {
                var (start, atoms, alternation) = groups.Pop();
                var repeat = i + 1 < tokens.Count && tokens[i + 1].Kind == Kind.Quantifier ? MaxRepeat(tokens[i + 1].Text) : 1;
                if (repeat > 1 && atoms.Count > 0 && !StartsWithSeparator(tokens, start + 1, atoms) || repeat == Unbounded && alternation[0])
                {
                    return string.Concat(tokens.Skip(start).Take(i - start + 2).Select(t => t.Text));
                }

                var outer = groups.Peek().UnboundedAtoms;
                outer.AddRange(atoms);
                if (repeat == Unbounded) outer.Add(string.Concat(tokens.Skip(start).Take(i - start + 1).Select(t => t.Text)));
            }
            else if (kind == Kind.Alternation)
            {
                groups.Peek().Alternation[0] = true;
            }
            else if (kind == Kind.Quantifier && MaxRepeat(text) == Unbounded && i > 0 && tokens[i - 1].Kind == Kind.Atom)
            {
                groups.Peek().UnboundedAtoms.Add(tokens[i - 1].Text);
            }
        }

        return null;
    }

    /// <summary>Whether the group's first token is one literal character that none of its unbounded atoms matches.</summary>
    private static bool StartsWithSeparator(List<(Kind Kind, string Text)> tokens, int first, List<string> atoms)
    {
        if (first >= tokens.Count || tokens[first].Kind != Kind.Atom) return false;
        var literal = tokens[first].Text;
        var c = literal.Length == 1 ? literal[0] : literal.Length == 2 && literal[0] == '\\' && !char.IsLetterOrDigit(literal[1]) ? literal[1] : '\0';
        if (c == '\0' || literal.Length == 1 && c is '.' or '^' or '$') return false;
        if (first + 1 < tokens.Count && tokens[first + 1].Kind == Kind.Quantifier) return false;
        var text = c.ToString();
        return atoms.TrueForAll(atom => !Regex.IsMatch(text, $"^(?:{atom})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }

    private static int MaxRepeat(string quantifier)
    {
        switch (quantifier[0])
        {
            case '*':
            case '+':
                return Unbounded;
            case '?':
                return 1;
        }

        var body = quantifier.TrimEnd('?', '+')[1..^1];
        var comma = body.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0) return int.Parse(body, System.Globalization.CultureInfo.InvariantCulture);
        return comma == body.Length - 1 ? Unbounded : int.Parse(body[(comma + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<(Kind Kind, string Text)> Tokenize(string pattern)
    {
        var tokens = new List<(Kind, string)>();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                tokens.Add((Kind.Atom, pattern.Substring(i, Math.Min(2, pattern.Length - i))));
                i += 2;
            }
            else if (c == '[')
            {
                var j = i + 1;
                if (j < pattern.Length && pattern[j] == '^') j++;
                if (j < pattern.Length && pattern[j] == ']') j++;
                while (j < pattern.Length && pattern[j] != ']') j += pattern[j] == '\\' ? 2 : 1;
                tokens.Add((Kind.Atom, pattern[i..Math.Min(j + 1, pattern.Length)]));
                i = j + 1;
            }
            else if (c == '(')
            {
                var m = Regex.Match(pattern[(i + 1)..], @"^\?(:|=|!|<=|<!|<\w+>|'\w+'|>|[imnsx-]+:)?");
                tokens.Add((Kind.Open, pattern.Substring(i, 1 + m.Length)));
                i += 1 + m.Length;
            }
            else if (c == ')')
            {
                tokens.Add((Kind.Close, ")"));
                i++;
            }
            else if (c is '*' or '+' or '?')
            {
                var length = i + 1 < pattern.Length && pattern[i + 1] is '?' or '+' ? 2 : 1;
                tokens.Add((Kind.Quantifier, pattern.Substring(i, length)));
                i += length;
            }
            else if (c == '{' && Regex.Match(pattern[i..], @"^\{\d+(,\d*)?\}\??") is { Success: true } counted)
            {
                tokens.Add((Kind.Quantifier, counted.Value));
                i += counted.Length;
            }
            else
            {
                tokens.Add((c == '|' ? Kind.Alternation : Kind.Atom, c.ToString()));
                i++;
            }
        }

        return tokens;
    }

    private enum Kind
    {
        Atom,
        Open,
        Close,
        Quantifier,
        Alternation,
    }
}
