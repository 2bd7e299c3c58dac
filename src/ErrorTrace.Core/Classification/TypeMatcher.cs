namespace ErrorTrace.Core.Classification;

/// <summary>
/// Exception type names, matched exactly or as a dotted suffix: <c>OutOfMemoryError</c> matches
/// <c>torch.OutOfMemoryError</c> and <c>torch.cuda.OutOfMemoryError</c>; the dot keeps <c>MemoryError</c>
/// (host RAM) from matching <c>torch.OutOfMemoryError</c> (GPU).
/// </summary>
internal sealed class TypeMatcher
{
    private readonly string[] _names;

    private TypeMatcher(string[] names) => _names = names;

    public static TypeMatcher? Create(IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0) return null;
        if (names.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("types has an empty name");
        return new TypeMatcher([.. names]);
    }

    public bool Matches(string type)
    {
        foreach (var name in _names)
        {
            if (type.Length == name.Length)
            {
                if (string.Equals(type, name, StringComparison.Ordinal)) return true;
            }
            else if (type.Length > name.Length && type[type.Length - name.Length - 1] == '.' &&
                type.EndsWith(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
