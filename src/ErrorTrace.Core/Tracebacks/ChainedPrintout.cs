using System.Text;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// What a reader of a traceback drawn by another printer (rich's panels, IPython's) builds while it reads: the current
/// exception's frames, type and message, the chain parts printed before it, and the raw text. The readers differ in how
/// they find frames and where an exception ends; what they collect, and how a chain sentence turns the exception read
/// so far into a chain part, is the same.
/// </summary>
internal sealed class ChainedPrintout
{
    private readonly List<ChainLink> _links = [];
    private readonly StringBuilder _message = new();
    private readonly RawText _raw = new();
    private long _exceptionLine;

    /// <summary>The current exception's frames, innermost last.</summary>
    public List<TracebackFrame> Frames { get; } = [];

    /// <summary>The current exception's type as printed; empty until its exception line.</summary>
    public string Type { get; private set; } = "";

    public int MessageLines { get; private set; }

    /// <summary>Nothing worth reporting was read: no type, no frame, no chain part.</summary>
    public bool IsEmpty => Type.Length == 0 && Frames.Count == 0 && _links.Count == 0;

    public void Start(ReadOnlySpan<char> line, long lineNumber)
    {
        Frames.Clear();
        _links.Clear();
        _message.Clear();
        Type = "";
        MessageLines = 0;
        _exceptionLine = 0;
        _raw.Start(lineNumber);
        _raw.Add(line);
    }

    public void AddRaw(ReadOnlySpan<char> line) => _raw.Add(line);

    /// <summary>The exception line: its type and the first line of its message.</summary>
    public void StartException(string type, ReadOnlySpan<char> message, long lineNumber)
    {
        if (ChainArtifacts.TryUnwrap(type, message, out var innerType, out var innerMessage))
        {
            type = message[..innerType].ToString();
            message = message[innerMessage..];
        }

        Type = type;
        _message.Clear();
        MessageLines = 0;
        AppendMessage(message);
        _exceptionLine = lineNumber;
    }

    public void AppendMessage(ReadOnlySpan<char> text)
    {
        if ((text.IsEmpty && _message.Length == 0) || _message.Length + text.Length > EngineLimits.MaxMessageChars) return;
        if (_message.Length > 0) _message.Append('\n');
        _message.Append(text);
        MessageLines++;
    }

    /// <summary>Chain parts another reader read before this printout started (CPython's text before IPython's header).</summary>
    public void PrependLinks(TracebackInfo earlier, string relation)
    {
        _links.InsertRange(0, earlier.Chain);
        _links.Insert(earlier.Chain.Count, new ChainLink
        {
            ExceptionType = earlier.ExceptionType,
            ExceptionMessage = earlier.ExceptionMessage,
            Frames = earlier.Frames,
            Relation = relation,
        });
        var own = _raw.ToString();
        _raw.Start(earlier.FirstLine);
        _raw.Add(earlier.Raw);
        _raw.Add(own);
    }

    /// <summary>A chain sentence: the exception read so far becomes a chain part and the next one starts empty.</summary>
    public void EndLink(string relation)
    {
        _links.Add(new ChainLink { ExceptionType = Type, ExceptionMessage = _message.ToString(), Frames = [.. Frames], Relation = relation });
        Frames.Clear();
        _message.Clear();
        MessageLines = 0;
        Type = "";
    }

    public TracebackInfo ToTraceback(string type, IReadOnlyList<TracebackFrame> frames) => new()
    {
        Raw = _raw.ToString(),
        Kind = PythonTracebackParser.Kind,
        ExceptionType = type,
        ExceptionMessage = _message.ToString(),
        Frames = frames,
        Chain = [.. _links],
        FirstLine = _raw.FirstLine,
        ExceptionLine = _exceptionLine == 0 ? _raw.FirstLine : _exceptionLine,
    };
}
