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
