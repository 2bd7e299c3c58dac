using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Reads the traceback a re-raise quotes in its message (torch/_utils.py, <c>ExceptionWrapper.reraise</c>):
/// <code>
/// Caught FileNotFoundError in DataLoader worker process 3.
/// Original Traceback (most recent call last):
///   File ".../torch/utils/data/_utils/worker.py", line 308, in _worker_loop
///     data = fetcher.fetch(index)
///   File "/app/dataset.py", line 20, in __getitem__
///     img = Image.open(path)
/// FileNotFoundError: [Errno 2] No such file or directory: 'x.jpg'
/// </code>
/// Runs when a report is built, not per line.
/// </summary>
internal static class QuotedTraceback
{
    private const string Caught = "Caught ";
    private const string OriginalHeader = "Original Traceback (most recent call last):";

    /// <summary>The quoted exception, or null when the message quotes none (or the paste was cut before its exception line).</summary>
    public static WorkerFailure? Read(string message)
    {
        var header = message.IndexOf(OriginalHeader, StringComparison.Ordinal);
        if (header < 0) return null;
        var frames = new List<TracebackFrame>();
        string? type = null;
        var text = new System.Text.StringBuilder();
        string? pendingFile = null;
        foreach (var range in message.AsSpan(header + OriginalHeader.Length).Split('\n'))
        {
            var line = message.AsSpan(header + OriginalHeader.Length)[range];
            var trimmed = line.TrimStart(' ');
            if (type is not null)
            {
                // Later lines of the worker's message (CPython prints it verbatim), up to the first blank line.
                if (line.IsWhiteSpace()) break;
                text.Append('\n').Append(line.TrimEnd());
                continue;
            }

            if (trimmed.IsEmpty) continue;
            if (FrameLine.TryParse(trimmed, out var frame))
            {
                frames.Add(new TracebackFrame { File = frame.File, Line = frame.Line, Function = frame.Function });
                pendingFile = frame.File;
                continue;
            }

            if (line.Length > trimmed.Length)
            {
                // A source line under its frame.
                if (pendingFile is not null && frames.Count > 0 && frames[^1].Code is null && !TracebackText.IsCaretLine(trimmed))
                    frames[^1] = frames[^1] with { Code = trimmed.TrimEnd().ToString() };
                continue;
            }

            if (!ExceptionLine.TryParse(trimmed, out var typeLength, out var messageStart)) return null;
            type = trimmed[..typeLength].ToString();
            text.Append(trimmed[messageStart..].TrimEnd());
        }

        if (type is null) return null;
        return new WorkerFailure
        {
            ExceptionType = type,
            ExceptionMessage = text.ToString(),
            Frames = frames,
            RaisedIn = RaisedIn(message.AsSpan(0, header)),
        };
    }

    /// <summary><c>Caught KeyError in DataLoader worker process 0.</c> → <c>DataLoader worker process 0</c>.</summary>
    private static string? RaisedIn(ReadOnlySpan<char> before)
    {
        var caught = before.LastIndexOf(Caught, StringComparison.Ordinal);
        if (caught < 0) return null;
        var sentence = before[(caught + Caught.Length)..].Trim();
        var inAt = sentence.IndexOf(" in ", StringComparison.Ordinal);
        if (inAt < 0) return null;
        return sentence[(inAt + 4)..].TrimEnd('.').Trim().ToString();
    }
}
