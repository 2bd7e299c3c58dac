using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Reads an uncaught C++ exception as the terminate handler of Yandex's util library prints it before <c>abort()</c>
/// (CatBoost and other binaries built with it), instead of libstdc++'s "terminate called after throwing …":
/// <code>
/// uncaught exception:
///     address -> 0x107a02288
///     what() -> "catboost/cuda/cuda_lib/memory_pool/stack_like_memory_pool.h:294: Error: Out of memory. Requested 1070.5; Free 1010.9"
///     type -> NCudaLib::TOutOfMemoryError
/// </code>
/// The failure is the C++ type and the what() text; the shell's "Aborted (core dumped)" after it is the same death.
/// </summary>
internal sealed class UncaughtExceptionParser : IFailureBlockParser
{
    public const string Header = "uncaught exception:";

    private const string Address = "address -> ";
    private const string What = "what() -> ";
    private const string Type = "type -> ";

    private readonly MessageLines _message = new();
    private readonly RawText _raw = new();
    private string _type = "";
    private long _firstLine;

    /// <summary>what() text that began with a quote and has not closed it yet: its next lines are the message's.</summary>
    private bool _inQuotedMessage;

    public bool IsOpen { get; private set; }

    public bool TryOpen(ReadOnlySpan<char> line, long lineNumber)
    {
        var trimmed = line.Trim();
        if (trimmed.Length != Header.Length || !trimmed.SequenceEqual(Header)) return false;
        IsOpen = true;
        _message.Clear();
        _type = "";
        _inQuotedMessage = false;
        _firstLine = lineNumber;
        _raw.Start(lineNumber);
        _raw.Add(line);
        return true;
    }

    public bool TryContinue(ReadOnlySpan<char> line, long lineNumber)
    {
        _ = lineNumber;
        var trimmed = line.Trim();
        if (_inQuotedMessage)
        {
            if (_message.Count >= EngineLimits.MaxMessageLines) return false;
            _inQuotedMessage = !trimmed.EndsWith("\"", StringComparison.Ordinal);
            _message.Append(_inQuotedMessage ? trimmed : trimmed[..^1]);
        }
        else if (trimmed.StartsWith(What, StringComparison.Ordinal) && _message.Count == 0)
        {
            var text = trimmed[What.Length..];
            if (text.StartsWith("\"", StringComparison.Ordinal))
            {
                text = text[1..];
                _inQuotedMessage = !text.EndsWith("\"", StringComparison.Ordinal);
                if (!_inQuotedMessage) text = text[..^1];
            }

            _message.Append(text);
        }
        else if (trimmed.StartsWith(Type, StringComparison.Ordinal) && _type.Length == 0)
        {
            _type = trimmed[Type.Length..].Trim().ToString();
        }
        else if (!trimmed.StartsWith(Address, StringComparison.Ordinal))
        {
            return false;
        }

        _raw.Add(line);
        return true;
    }

    public TracebackInfo? Close()
    {
        var result = Peek();
        IsOpen = false;
        return result;
    }

    /// <summary>The report so far; null while it names neither a type nor a message (a header alone says nothing).</summary>
    public TracebackInfo? Peek() => !IsOpen || (_type.Length == 0 && _message.Count == 0) ? null : new TracebackInfo
    {
        Raw = _raw.ToString(),
        Kind = CppAbortParser.Kind,
        ExceptionType = _type,
        ExceptionMessage = _message.ToString(),
        FirstLine = _firstLine,
        ExceptionLine = _firstLine,
    };
}
