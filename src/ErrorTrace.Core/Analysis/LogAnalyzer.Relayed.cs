using System.Runtime.CompilerServices;
using ErrorTrace.Core.Records;
using ErrorTrace.Core.Tracebacks;

namespace ErrorTrace.Core.Analysis;

public sealed partial class LogAnalyzer
{
    private static ReadOnlySpan<byte> RelayedHeader => "Traceback (most recent call last):"u8;

    /// <summary>A relayed frame line: a printout pasted or retrieved from its middle starts at a frame, its header gone.</summary>
    private static ReadOnlySpan<byte> RelayedFrame => "File \""u8;

    /// <summary>
    /// A runner that relays its child's stderr through its own logger (fluxgym's <c>[2024-09-09 17:43:57] [INFO]
    /// Traceback (most recent call last):</c>, then one record per traceback line, indentation lost) turns a traceback
    /// into records of any level. Their messages are the printout: a record whose message is the header opens it, the
    /// next records of the same level continue it, and the first record that does not fit (another level: the
    /// runner's own "ERROR - child failed") closes it and is read as usual. Per record this costs one short byte comparison.
    /// vLLM's workers and engine core relay the same way (<c>(VllmWorkerProcess pid=6499) ERROR 07-24 14:07:40
    /// multiproc_worker_utils.py:226]   File "…", line 223, in …</c>); when the header was cut off (an excerpt, a
    /// terminal's scrollback), the first relayed frame line opens the printout without it.
    /// </summary>
    /// <summary>The inlined part of the test: most records neither continue a relayed printout nor start one with a 'T' (the header) or an 'F' (a frame line; the header parser skips the message's indentation).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayRelayTraceback(StreamState stream, ReadOnlySpan<byte> content, in RecordHeader header) =>
        stream.RelayedTraceback || ((uint)header.MessageStart < (uint)content.Length && content[header.MessageStart] is (byte)'T' or (byte)'F');

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ContinueRelayedTraceback(StreamState stream, ReadOnlySpan<byte> content, in RecordHeader header, long lineNumber)
    {
        var message = content[header.MessageStart..];
        var relaying = stream.RelayedTraceback && stream.Active == stream.Python && header.Level == stream.RelayedLevel;
        // Only a warning or an error record: relays log tracebacks so, and a quiet record (INFO, DEBUG) must only move
        // context forward (LogAnalyzer.QuietLines reads runs of them without this method).
        var headerless = !relaying && header.Level >= LogLevel.Warning && stream.Active is null && message.StartsWith(RelayedFrame);
        if (!relaying && !headerless && !message.StartsWith(RelayedHeader)) return false;
        var text = _chars.AsSpan(0, Text.Utf8.Decode(message, _chars));
        if (relaying)
        {
            if (stream.Python.TryContinue(text, lineNumber)) return true;
            stream.RelayedTraceback = false;
            return false;
        }

        CloseActive(stream);
        if (!stream.Python.TryOpen(text, lineNumber, allowHeaderless: headerless)) return false;
        stream.OpenBlock(stream.Python, lineNumber);
        stream.RelayedTraceback = true;
        stream.RelayedLevel = header.Level;
        return true;
    }
}
