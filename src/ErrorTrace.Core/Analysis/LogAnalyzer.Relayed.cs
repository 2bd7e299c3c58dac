using System.Runtime.CompilerServices;
using ErrorTrace.Core.Records;
using ErrorTrace.Core.Tracebacks;

namespace ErrorTrace.Core.Analysis;

public sealed partial class LogAnalyzer
{
    private static ReadOnlySpan<byte> RelayedHeader => "Traceback (most recent call last):"u8;

    /// <summary>
    /// A runner that relays its child's stderr through its own logger (fluxgym's <c>[2024-09-09 17:43:57] [INFO]
    /// Traceback (most recent call last):</c>, then one record per traceback line, indentation lost) turns a traceback
    /// into records of any level. Their messages are the printout: a record whose message is the header opens it, the
    /// next records of the same level continue it, and the first record that does not fit (another level: the
    /// runner's own "ERROR - child failed") closes it and is read as usual. Per record this costs one short byte comparison.
    /// </summary>
    /// <summary>The inlined part of the test: most records neither continue a relayed printout nor start one with a 'T'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayRelayTraceback(StreamState stream, ReadOnlySpan<byte> content, in RecordHeader header) =>
        stream.RelayedTraceback || ((uint)header.MessageStart < (uint)content.Length && content[header.MessageStart] == RelayedHeader[0]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ContinueRelayedTraceback(StreamState stream, ReadOnlySpan<byte> content, in RecordHeader header, long lineNumber)
    {
        var message = content[header.MessageStart..];
        var relaying = stream.RelayedTraceback && stream.Active == stream.Python && header.Level == stream.RelayedLevel;
        if (!relaying && !message.StartsWith(RelayedHeader)) return false;
        var text = _chars.AsSpan(0, Text.Utf8.Decode(message, _chars));
        if (relaying)
        {
            if (stream.Python.TryContinue(text, lineNumber)) return true;
            stream.RelayedTraceback = false;
            return false;
        }

        CloseActive(stream);
        if (!stream.Python.TryOpen(text, lineNumber, allowHeaderless: false)) return false;
        stream.OpenBlock(stream.Python, lineNumber);
        stream.RelayedTraceback = true;
        stream.RelayedLevel = header.Level;
        return true;
    }
}
