namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Reads an exception line as <c>TracebackException.format_exception_only</c> prints it: <c>module.Qual.Name: message</c>,
/// or the bare type when the message is empty (<c>KeyboardInterrupt</c>). The module is omitted for builtins and
/// <c>__main__</c>; local classes print <c>f.&lt;locals&gt;.Error</c>.
/// </summary>
internal static class ExceptionLine
{
    /// <summary>No real type name is longer; a longer "identifier" is prose.</summary>
    private const int MaxTypeLength = 200;

    public static bool TryParse(ReadOnlySpan<char> line, out int typeLength, out int messageStart)
    {
        typeLength = 0;
        messageStart = 0;
        if (line.IsEmpty || !(char.IsAsciiLetter(line[0]) || line[0] == '_')) return false;
        var i = 1;
        while (i < line.Length && i <= MaxTypeLength && IsTypeChar(line[i])) i++;
        if (i > MaxTypeLength || line[i - 1] == '.') return false;
        if (i == line.Length)
        {
            typeLength = i;
            messageStart = i;
            return true;
        }

        if (line[i] != ':') return false;
        typeLength = i;
        messageStart = i + 1 < line.Length && line[i + 1] == ' ' ? i + 2 : i + 1;
        // "Type:value" without the space is not how CPython prints; "http://x" style prose is not an exception line. A
        // line retyped or reformatted by hand ("RuntimeError:CUDA out of memory.", "ValueError:Network outputs is NAN!")
        // still names its class when that is named like one and the message starts with a letter.
        return messageStart == i + 2 || i + 1 == line.Length || IsUnspacedException(line[..i], line[i + 1]);
    }

    /// <summary>A CapWords class ending in Error or Exception (<see cref="GenericPrefix"/> alone is other programs'
    /// prefix), the message glued to the colon and starting with a letter: not a URL, a port, a time or a path.</summary>
    private static bool IsUnspacedException(ReadOnlySpan<char> type, char first)
    {
        if (!char.IsAsciiLetter(first)) return false;
        var name = type[(type.LastIndexOf('.') + 1)..];
        return name.Length > GenericPrefix.Length && char.IsAsciiLetterUpper(name[0])
            && (name.EndsWith(GenericPrefix, StringComparison.Ordinal) || name.EndsWith("Exception", StringComparison.Ordinal));
    }

    /// <summary>The bare word many programs other than Python print their failures with (<c>Error:…</c>).</summary>
    private const string GenericPrefix = "Error";

    private static bool IsTypeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '<' or '>';

    /// <summary>
    /// A type read outside a traceback that is named like an exception class: CapWords ending in Error or Exception
    /// (PEP 8); with a message after it, also a module's lower-case error class (<c>cv2.error</c>, <c>struct.error</c>,
    /// <c>zlib.error</c>: C extension modules name it so), Arrow's status class <c>ArrowInvalid</c> (its only class not
    /// ending in Error), and any module-qualified CapWords class (<c>triton.runtime.errors.OutOfResources</c>,
    /// <c>torch._dynamo.exc.BackendCompilerFailed</c>). A logger's name is lower case throughout
    /// (<c>transformers.trainer: …</c>), so a qualified name is asked to start with a lower-case module and end in a
    /// capital's class.
    /// </summary>
    public static bool IsNamedLikeException(ReadOnlySpan<char> type, bool hasMessage)
    {
        var dot = type.LastIndexOf('.');
        var name = type[(dot + 1)..];
        if (name.EndsWith("Error", StringComparison.Ordinal) || name.EndsWith("Exception", StringComparison.Ordinal)) return true;
        if (!hasMessage || name.IsEmpty) return false;
        if (name.Length > ArrowStatusSuffix.Length && name.EndsWith(ArrowStatusSuffix, StringComparison.Ordinal) && char.IsAsciiLetterUpper(name[0])) return true;
        if (dot <= 0 || !char.IsAsciiLetterLower(type[0])) return false;
        return name.SequenceEqual(ModuleErrorName) || (char.IsAsciiLetterUpper(name[0]) && name.ContainsAnyInRange('a', 'z'));
    }

    /// <summary>pyarrow's <c>ArrowInvalid</c>, raised for a Status::Invalid (a JSON or CSV parse error of a data file).</summary>
    private const string ArrowStatusSuffix = "Invalid";

    /// <summary>What C extension modules call their exception class: <c>cv2.error</c>, <c>struct.error</c>.</summary>
    private const string ModuleErrorName = "error";

    /// <summary>A bare exception line (no message) names a class: <c>KeyboardInterrupt</c>, <c>torch.OutOfMemoryError</c>.</summary>
    public static bool LooksLikeBareType(ReadOnlySpan<char> type)
    {
        var dot = type.LastIndexOf('.');
        var name = type[(dot + 1)..];
        return name.Length > 0 && char.IsAsciiLetterUpper(name[0]);
    }

    /// <summary>A paste's trailing spaces after a bare type named like an exception (<c>MemoryError </c>) are not part
    /// of the line CPython printed; after any other word (<c>My </c>, a paste's stray text) they are kept, and the line
    /// is no exception line.</summary>
    public static ReadOnlySpan<char> WithoutPastedTrailingSpaces(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.IsEmpty || trimmed[^1] != ' ') return trimmed;
        var type = trimmed.TrimEnd(' ');
        return TryParse(type, out var typeLength, out _) && typeLength == type.Length
            && IsNamedLikeException(type, hasMessage: false) ? type : trimmed;
    }
}
