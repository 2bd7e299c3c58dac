namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// An exception line several processes wrote at once to one stream: CPython's C printer (print_exception in
/// Python/pythonrun.c, the interpreter's default before 3.13) writes the type's module, the dot, the qualified name, the
/// <c>": "</c> and the message as separate writes, so ranks sharing stderr interleave them:
/// <c>KeyErrorKeyError: : 'input_ids_j'</c>, <c>torch.cuda.OutOfMemoryErrortorch.cuda: torch.cuda.OutOfMemoryError.OutOfMemoryError: CUDA out of memory…</c>.
/// The type read up to the first colon is then one copy of the name followed by the start of another.
/// </summary>
internal static class InterleavedExceptionType
{
    /// <summary>The shortest repeated start taken for another copy: two letters may be chance ("ErrorEr").</summary>
    private const int MinRepeatedChars = 3;

    /// <summary>The length of the one name <paramref name="type"/> is made of, when it is a name ending like an exception
    /// class (…Error, …Exception) followed by the start of another copy of it; else 0.</summary>
    public static int NameLength(ReadOnlySpan<char> type)
    {
        // Most types reach here from lines that are no exception ("INFO: …"): one search rules them out.
        if (!type.Contains("Error", StringComparison.Ordinal) && !type.Contains("Exception", StringComparison.Ordinal)) return 0;
        for (var i = MinRepeatedChars; i <= type.Length - MinRepeatedChars; i++)
        {
            if (!char.IsAsciiLetter(type[i]) || !char.IsAsciiLetterOrDigit(type[i - 1])) continue;
            var name = type[..i];
            if (name.StartsWith(type[i..], StringComparison.Ordinal) && IsExceptionName(name)) return i;
        }

        return 0;
    }

    /// <summary>The type and message of an exception line whose type the ranks' writes interleaved: one copy of the name
    /// (<see cref="NameLength"/>, else <see cref="Collapse"/>) and the message without the other copies' pieces; both
    /// untouched when the type is one name.</summary>
    public static void Untangle(ref ReadOnlySpan<char> type, ref ReadOnlySpan<char> message)
    {
        if (NameLength(type) is var name and > 0)
        {
            message = CleanMessage(message, type[..name]);
            type = type[..name];
        }
        else if (Collapse(type) is { } collapsed)
        {
            message = CleanMessage(message, collapsed);
            type = collapsed;
        }
    }

    /// <summary>
    /// The one name a type is made of when the ranks' writes interleaved inside it rather than after a whole copy: each
    /// piece written twice in a row (<c>torch.cudatorch.cuda..OutOfMemoryErrorOutOfMemoryError</c>, module, dot and name
    /// each doubled) or a first copy cut short by the second (<c>RuntimeErrRuntimeError</c>, whose <c>or</c> came out
    /// later in the stream). Each piece repeated at once is kept once; taken only when the repeats make up at least half
    /// of the name (two ranks wrote all of it, not a name with a doubled word, <c>mypkg.ConfigConfigError</c>) and what
    /// remains is named like an exception. Null otherwise; allocates only for such a name (rare).
    /// </summary>
    public static string? Collapse(ReadOnlySpan<char> type)
    {
        if (!type.Contains("Error", StringComparison.Ordinal) && !type.Contains("Exception", StringComparison.Ordinal)) return null;
        var removed = 0;
        for (var p = 0; p < type.Length;)
        {
            var k = RepeatedPiece(type, p);
            removed += k;
            p += k > 0 ? 2 * k : 1;
        }

        if (removed == 0 || 2 * removed < type.Length - removed) return null;
        var name = new char[type.Length - removed];
        var n = 0;
        for (var p = 0; p < type.Length;)
        {
            var k = RepeatedPiece(type, p);
            var piece = type.Slice(p, Math.Max(k, 1));
            piece.CopyTo(name.AsSpan(n));
            n += piece.Length;
            p += k > 0 ? 2 * k : 1;
        }

        return IsExceptionName(name) && ExceptionLine.TryParse(name, out var length, out _) && length == name.Length ? new string(name) : null;
    }

    /// <summary>The longest piece at <paramref name="p"/> that the next chars repeat: a dot (never doubled in a name) or
    /// at least <see cref="MinRepeatedChars"/> chars (a doubled letter is spelling: <c>AssertionError</c>); else 0.</summary>
    private static int RepeatedPiece(ReadOnlySpan<char> type, int p)
    {
        for (var k = (type.Length - p) / 2; k >= 1; k--)
        {
            if (k < MinRepeatedChars && !(k == 1 && type[p] == '.')) continue;
            if (type.Slice(p, k).SequenceEqual(type.Slice(p + k, k))) return k;
        }

        return 0;
    }

    /// <summary>The message without the other copies' pieces before it (the name, its module, <c>.Name</c>, colons).</summary>
    public static ReadOnlySpan<char> CleanMessage(ReadOnlySpan<char> message, ReadOnlySpan<char> name)
    {
        var dot = name.LastIndexOf('.');
        var module = dot > 0 ? name[..dot] : [];
        var qualified = dot > 0 ? name[dot..] : [];
        while (true)
        {
            message = message.TrimStart(' ');
            if (message.StartsWith(':')) message = message[1..];
            else if (message.StartsWith(name, StringComparison.Ordinal)) message = message[name.Length..];
            else if (!qualified.IsEmpty && message.StartsWith(qualified, StringComparison.Ordinal)) message = message[qualified.Length..];
            else if (!module.IsEmpty && message.StartsWith(module, StringComparison.Ordinal)) message = message[module.Length..];
            else return message;
        }
    }

    private static bool IsExceptionName(ReadOnlySpan<char> name)
    {
        var last = name[(name.LastIndexOf('.') + 1)..];
        return !last.IsEmpty && char.IsAsciiLetterUpper(last[0])
            && (last.EndsWith("Error", StringComparison.Ordinal) || last.EndsWith("Exception", StringComparison.Ordinal));
    }
}
