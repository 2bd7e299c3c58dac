using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// A multi-line failure printout, read as a small state machine in Markdig's block-parser shape: <see cref="TryOpen"/>
/// on a line outside any block, <see cref="TryContinue"/> on each next line of the same stream (false: the line is not
/// ours, the block is over), <see cref="Close"/> to take the result and reset. <see cref="Peek"/> builds the result so
/// far without changing state, for reports on logs still being written.
/// </summary>
internal interface IFailureBlockParser
{
    bool IsOpen { get; }

    bool TryOpen(ReadOnlySpan<char> line, long lineNumber);

    bool TryContinue(ReadOnlySpan<char> line, long lineNumber);

    TracebackInfo? Close();

    TracebackInfo? Peek();
}
