using System.Text;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Records;

namespace ErrorTrace.Core.Grouping;

/// <summary>One distinct error or warning and its occurrences. The first occurrence's text is kept verbatim.</summary>
internal sealed class ErrorGroup
{
    private readonly StringBuilder _message;

    public ErrorGroup(ulong fingerprint, LogLevel level, string source, string firstLine, string maskedFirstLine, long lineNumber)
    {
        Fingerprint = fingerprint;
        Level = level;
        Source = source;
        _message = new StringBuilder(firstLine);
        MaskedFirstLine = maskedFirstLine;
        FirstLine = lineNumber;
    }

    public ulong Fingerprint { get; }

    public LogLevel Level { get; }

    public string Source { get; }

    public string MaskedFirstLine { get; }

    public string? Logger { get; init; }

    public string? Phase { get; init; }

    public long FirstLine { get; }

    public int Count { get; set; }

    public RawTimestamp FirstTimestamp { get; set; }

    public RawTimestamp LastTimestamp { get; set; }

    public RankSet Ranks { get; } = new();

    public int ContinuationLines { get; private set; }

    public string Message => _message.ToString();

    public bool TryAppendContinuation(ReadOnlySpan<char> line)
    {
        if (ContinuationLines >= EngineLimits.MaxRecordContinuationLines || _message.Length + line.Length > EngineLimits.MaxMessageChars) return false;
        _message.Append('\n').Append(line);
        ContinuationLines++;
        return true;
    }
}
