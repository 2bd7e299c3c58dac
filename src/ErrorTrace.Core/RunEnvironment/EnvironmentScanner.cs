using System.Buffers;
using ErrorTrace.Core.Envelopes;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.RunEnvironment;

/// <summary>
/// Searches the log's first <see cref="EnvironmentLimits.ScanBytes"/> bytes for the banners of
/// <see cref="EnvironmentRules"/>. Fed the analyzer's chunks (not its lines: the per-line engine is untouched), it keeps
/// only the line a chunk cut in two, so its answer never depends on where chunks end: every line is judged on its first
/// <see cref="EnvironmentLimits.MaxLineBytes"/> bytes. Lines without a needle cost one multi-needle vector search;
/// the few with one are decoded and matched, at most <see cref="EnvironmentLimits.MaxExaminedLines"/> of them.
/// </summary>
internal sealed class EnvironmentScanner
{
    private readonly byte[] _carry = new byte[EnvironmentLimits.MaxLineBytes];
    private readonly Dictionary<string, EnvironmentTag> _found = new(StringComparer.Ordinal);
    private readonly List<EnvironmentTag> _launchers = [];
    private int _carryLength;
    private bool _carrying;
    private long _offset;
    private long _line = 1;
    private int _examined;
    private bool _done;

    /// <summary>Bytes of the head window read so far (lines past <see cref="EnvironmentLimits.MaxExaminedLines"/> in it
    /// are not looked at closely): the same whatever the chunks were.</summary>
    public long ScannedBytes { get; private set; }

    public IReadOnlyDictionary<string, EnvironmentTag> Found => _found;

    public IReadOnlyList<EnvironmentTag> Launchers => _launchers;

    public void Append(ReadOnlySpan<byte> chunk)
    {
        ScannedBytes = Math.Min(EnvironmentLimits.ScanBytes, ScannedBytes + chunk.Length);
        if (_done) return;
        var room = EnvironmentLimits.ScanBytes - _offset;
        if (chunk.Length > room) chunk = chunk[..(int)room];
        _offset += chunk.Length;
        if (_carrying)
        {
            var newline = chunk.IndexOf((byte)'\n');
            AddToCarry(newline < 0 ? chunk : chunk[..newline]);
            if (newline < 0)
            {
                EndOfWindow();
                return;
            }

            if (_line == 1) CheckFirstLine(_carry.AsSpan(0, _carryLength));
            Examine(_carry.AsSpan(0, _carryLength), _line++);
            _carrying = false;
            _carryLength = 0;
            chunk = chunk[(newline + 1)..];
        }

        var last = chunk.LastIndexOf((byte)'\n');
        if (last >= 0)
        {
            ScanLines(chunk[..(last + 1)]);
            chunk = chunk[(last + 1)..];
        }

        if (!chunk.IsEmpty)
        {
            _carrying = true;
            AddToCarry(chunk);
        }

        EndOfWindow();
    }

    /// <summary>End of input: a last line without a newline is a line too.</summary>
    public void Complete()
    {
        if (_done) return;
        if (_carrying)
        {
            if (_line == 1) CheckFirstLine(_carry.AsSpan(0, _carryLength));
            Examine(_carry.AsSpan(0, _carryLength), _line++);
        }

        _carrying = false;
        _done = true;
    }

    /// <summary>A line the window's end cut is not judged on part of itself.</summary>
    private void EndOfWindow()
    {
        if (_offset < EnvironmentLimits.ScanBytes) return;
        _done = true;
        _carrying = false;
    }

    private void AddToCarry(ReadOnlySpan<byte> bytes)
    {
        var take = Math.Min(bytes.Length, _carry.Length - _carryLength);
        bytes[..take].CopyTo(_carry.AsSpan(_carryLength));
        _carryLength += take;
    }

    /// <summary>Complete lines (the span ends with a newline), searched a block at a time.</summary>
    private void ScanLines(ReadOnlySpan<byte> lines)
    {
        var chars = ArrayPool<char>.Shared.Rent(EnvironmentLimits.BlockBytes);
        try
        {
            while (!lines.IsEmpty && !_done)
            {
                var block = lines.Length <= EnvironmentLimits.BlockBytes ? lines : lines[..EnvironmentLimits.BlockBytes];
                var end = block.LastIndexOf((byte)'\n');
                if (end < 0)
                {
                    // One line longer than a block: judged on its head, like any other.
                    end = lines.IndexOf((byte)'\n');
                    if (_line == 1) CheckFirstLine(lines[..end]);
                    ExamineHead(lines[..end]);
                    _line++;
                    lines = lines[(end + 1)..];
                    continue;
                }

                block = block[..(end + 1)];
                ScanBlock(block, chars);
                lines = lines[block.Length..];
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private void ScanBlock(ReadOnlySpan<byte> block, char[] buffer)
    {
        if (_line == 1) CheckFirstLine(block[..block.IndexOf((byte)'\n')]);
        // Latin-1 widening keeps byte offsets (the needles are ASCII), so a hit's index is its byte's.
        var chars = buffer.AsSpan(0, System.Text.Encoding.Latin1.GetChars(block, buffer));
        var counted = 0;
        var from = 0;
        while (from < chars.Length && !_done)
        {
            var hit = chars[from..].IndexOfAny(EnvironmentRules.NeedleSearch);
            if (hit < 0) break;
            hit += from;
            var lineStart = block[..hit].LastIndexOf((byte)'\n') + 1;
            var lineEnd = hit + block[hit..].IndexOf((byte)'\n');
            _line += block[counted..lineStart].Count((byte)'\n');
            counted = lineStart;
            if (hit - lineStart < EnvironmentLimits.MaxLineBytes) ExamineHead(block[lineStart..lineEnd]);
            from = lineEnd + 1;
        }

        _line += block[counted..].Count((byte)'\n');
    }

    private void ExamineHead(ReadOnlySpan<byte> line) => Examine(line[..Math.Min(line.Length, EnvironmentLimits.MaxLineBytes)], _line);

    /// <summary>Kubernetes' CRI envelope on the first line: the job ran in a pod.</summary>
    private void CheckFirstLine(ReadOnlySpan<byte> line)
    {
        if (CriEnvelope.TryParse(line, out _, out _)) AddLauncher("kubernetes", 1);
    }

    private void Examine(ReadOnlySpan<byte> line, long number)
    {
        if (line.IsEmpty) return;
        var text = Text.Utf8.Decode(line);
        if (text.AsSpan().IndexOfAny(EnvironmentRules.NeedleSearch) < 0) return;
        if (++_examined > EnvironmentLimits.MaxExaminedLines)
        {
            _done = true;
            return;
        }

        EnvironmentMatcher.Match(text, number, _found, AddLauncher);
        // Every single-valued key found: the rest of the head can add only launchers, not worth the scan.
        if (_found.Count == EnvironmentRules.KeyOrder.Length - 1) _done = true;
    }

    private void AddLauncher(string name, long line)
    {
        foreach (var known in _launchers)
        {
            if (known.Value == name) return;
        }

        _launchers.Add(new EnvironmentTag("launcher", name, line));
    }
}
