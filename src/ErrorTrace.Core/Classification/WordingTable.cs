namespace ErrorTrace.Core.Classification;

/// <summary>
/// The rules file's wording families by name: the phrasings of one failure mechanism ("gpu-oom": CUDA's, HIP's,
/// XLA's, TensorFlow's allocator's), written once and expanded into every rule, signal or suggestion that names them.
/// A user file's family of the same name replaces the built-in one.
/// </summary>
internal sealed class WordingTable
{
    private readonly Dictionary<string, (IReadOnlyList<string> Message, IReadOnlyList<string> Regex, string? Comment)> _families;

    private WordingTable(Dictionary<string, (IReadOnlyList<string>, IReadOnlyList<string>, string?)> families) => _families = families;

    public static WordingTable Empty { get; } = new(new(StringComparer.Ordinal));

    public IEnumerable<string> Names => _families.Keys;

    public string? CommentOf(string name) => _families.TryGetValue(name, out var family) ? family.Comment : null;

    /// <exception cref="ArgumentException">A family without wordings, or with an empty one.</exception>
    public static WordingTable Create(Dictionary<string, WordingDocument>? documents, WordingTable? defaults)
    {
        var families = new Dictionary<string, (IReadOnlyList<string>, IReadOnlyList<string>, string?)>(defaults?._families ?? [], StringComparer.Ordinal);
        foreach (var (name, document) in documents ?? [])
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("a wording family has an empty name");
            var message = document.Message ?? [];
            var regex = document.MessageRegex ?? [];
            if (message.Count + regex.Count == 0) throw new ArgumentException($"wording family '{name}' needs message or message_regex");
            if (message.Any(string.IsNullOrEmpty) || regex.Any(string.IsNullOrEmpty)) throw new ArgumentException($"wording family '{name}' has an empty wording");
            _ = RegexAlternatives.Create(regex, $"wordings.{name}.message_regex");
            families[name] = (message, regex, document.Comment);
        }

        return new WordingTable(families);
    }

    /// <summary>The substrings and regexes of a condition with its families' wordings added.</summary>
    /// <exception cref="ArgumentException">An unknown family.</exception>
    public (List<string>? Substrings, List<string>? Regexes) Expand(IReadOnlyList<string>? substrings, IReadOnlyList<string>? regexes,
        IReadOnlyList<string>? names, string field)
    {
        if (names is null || names.Count == 0) return (substrings?.ToList(), regexes?.ToList());
        List<string> allSubstrings = [.. substrings ?? []];
        List<string> allRegexes = [.. regexes ?? []];
        foreach (var name in names)
        {
            if (!_families.TryGetValue(name, out var family))
                throw new ArgumentException($"{field} names wording family '{name}', which is not defined; known: {string.Join(", ", _families.Keys.Order(StringComparer.Ordinal))}");
            allSubstrings.AddRange(family.Message);
            allRegexes.AddRange(family.Regex);
        }

        return (allSubstrings.Count > 0 ? allSubstrings : null, allRegexes.Count > 0 ? allRegexes : null);
    }
}
