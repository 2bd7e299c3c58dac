using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// A death by one of a rule's signals: a failure of kind <c>signal</c> with that type, or a text reporting it the ways
/// launchers, shells and schedulers do: the name (<c>SIGKILL</c>), <c>Signal 9 (SIGKILL)</c>, an exit code of -N
/// (Python's subprocess, torchelastic's <c>exitcode: -9</c>, DeepSpeed's <c>return code = -9</c>) or 128+N (a shell's 137),
/// <c>killed by signal: Killed</c>, and a line that is only the shell's word (<c>Killed</c>, or <c>已杀死</c> in a zh_CN
/// locale; also quoted, <c>&gt; Killed</c>) or ends with it glued to a progress bar (<c>…15381.54 examples/s]Killed</c>,
/// mmcv's <c>ETA: 2621s已杀死</c>). One condition instead of
/// the same five regexes copied into every rule about a signal.
/// </summary>
internal sealed class SignalMatcher
{
    private readonly HashSet<string> _names;
    private readonly SearchValues<string> _words;
    private readonly Regex _text;

    private SignalMatcher(HashSet<string> names, SearchValues<string> words, Regex text)
    {
        _names = names;
        _words = words;
        _text = text;
    }

    /// <exception cref="ArgumentException">An unknown signal name.</exception>
    public static SignalMatcher? Create(IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0) return null;
        var patterns = new List<string>();
        // Every pattern contains one of these words: a text without any is skipped by one vectorised search instead of
        // a pass of the interpreted regex, which is what most texts are.
        var words = new List<string> { "signal", "exit", "return" };
        foreach (var name in names)
        {
            if (!SignalTable.TryGet(name, out var number, out var description))
                throw new ArgumentException($"signals value '{name}' must be one of {string.Join(", ", SignalTable.Names)}");
            var n = number.ToString(CultureInfo.InvariantCulture);
            var shell = (128 + number).ToString(CultureInfo.InvariantCulture);
            words.Add(name);
            words.Add(description);
            patterns.Add($@"\b{name}\b");
            patterns.Add($@"Signal {n} \({name}\)");
            patterns.Add($@"exit ?code\s*[:=]?\s*-{n}\b");
            patterns.Add($@"\b(exit(ed)?|return(ed)?)( with| non-zero)?( exit)? (status|code)\s*[:=]?\s*(-{n}|{shell})\b");
            // killed by signal: Bus error, also when a terminal wrapped the line between any two of its words.
            patterns.Add($@"killed\s+by\s+signal:?\s+{Regex.Escape(description).Replace(@"\ ", @"\s+", StringComparison.Ordinal)}");
            patterns.Add($@"^\s*{Regex.Escape(description)}\s*$");
            // Glued to the progress bar it cut short ("[03:08<01:16, 15381.54 examples/s]Killed", Keras' "loss: 2.1371Killed"):
            // the shell's report follows the bar's last character with no space, which prose never does.
            patterns.Add($@"[\d\]]{Regex.Escape(description)}( \(core dumped\))?\s*$");
            foreach (var word in SignalTable.Localized(name))
            {
                words.Add(word);
                // The shell's localized report, alone on its line, with its own "(core dumped)" words if any.
                patterns.Add($@"^\s*{Regex.Escape(word)}\s*(\([^)\n]{{1,40}}\))?\s*$");
            }

            var shellWords = string.Join('|', SignalTable.Localized(name).Prepend(description).Select(Regex.Escape));
            // Quoted as an issue's Markdown pastes it ("> Killed").
            patterns.Add($@"^\s*(>\s*)+({shellWords})\s*$");
            // Glued to a progress bar in any language, also mmcv's, which ends in seconds ("1022/5000, 1.5 task/s,
            // elapsed: 673s, ETA: 2621s已杀死"; tqdm's "21/1423 [00:02<02:09, 10.81it/s]已杀死"): a count n/total earlier
            // on the line, the bar's closing bracket or seconds right before the word, which is written as the shell
            // writes it (case-sensitive) and ends the line.
            patterns.Add($@"\b\d+/\d+\b[^\n]{{0,300}}?(\]|\b\d+(\.\d+)?s)(?-i:{shellWords})\s*$");
        }

        return new SignalMatcher(new HashSet<string>(names, StringComparer.Ordinal),
            SearchValues.Create([.. words.Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase),
            RegexFactory.Combine(patterns, "signals")!);
    }

    /// <summary>A failure of kind <c>signal</c> whose type is one of the names.</summary>
    public bool MatchesDeath(string kind, string type) => kind == "signal" && _names.Contains(type);

    /// <summary>The index of a text report of the death, or -1.</summary>
    public int Find(string? text)
    {
        if (string.IsNullOrEmpty(text)) return -1;
        var head = text.AsSpan(0, Math.Min(text.Length, TextMatcher.MaxRegexChars));
        return head.IndexOfAny(_words) < 0 ? -1 : RegexFactory.FirstMatch(_text, head);
    }
}
