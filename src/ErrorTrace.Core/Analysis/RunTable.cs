namespace ErrorTrace.Core.Analysis;

/// <summary>
/// Where the runs of a log that holds several start (<see cref="RunBanners"/>): the first run starts at line 1 and is
/// not listed. Line numbers only grow, so the starts are sorted and a line's run is a binary search.
/// </summary>
internal sealed class RunTable
{
    private readonly List<long> _starts = [];
    private readonly List<string> _startedBy = [];

    /// <summary>Starts forgotten to stay under <see cref="EngineLimits.MaxRuns"/>: the earliest, since the root cause
    /// is in the last run.</summary>
    public int Dropped { get; private set; }

    public int Count => _starts.Count;

    public long Start(int index) => _starts[index];

    public string StartedBy(int index) => _startedBy[index];

    /// <summary>A run starts at <paramref name="line"/>; false when one already starts there or later.</summary>
    public bool Add(long line, string startedBy)
    {
        if (_starts.Count > 0 && _starts[^1] >= line) return false;
        if (_starts.Count == EngineLimits.MaxRuns)
        {
            _starts.RemoveAt(0);
            _startedBy.RemoveAt(0);
            Dropped++;
        }

        _starts.Add(line);
        _startedBy.Add(startedBy);
        return true;
    }

    /// <summary>How many listed starts are at or before the line: 0 for the log's first run.</summary>
    public int RunOf(long line)
    {
        var index = _starts.BinarySearch(line);
        return index >= 0 ? index + 1 : ~index;
    }
}
