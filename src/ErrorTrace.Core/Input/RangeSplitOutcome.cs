namespace ErrorTrace.Core.Input;

/// <summary>How a log read in two ranges ended (<see cref="RangeSplit.Outcome"/>).</summary>
internal enum RangeSplitOutcome
{
    /// <summary>Not split yet.</summary>
    None,

    /// <summary>The first thread read past every place the second could set the split: read in one pass.</summary>
    NoSplit,

    /// <summary>No line in the search window had every stream idle: read in one pass.</summary>
    NoSeam,

    /// <summary>The two readers disagreed about the state at the seam: the rest was read in one pass.</summary>
    SeamDiffers,

    /// <summary>The later range did something whose meaning depends on the earlier one's tables: read in one pass.</summary>
    MergeRefused,

    /// <summary>Read in two ranges at once and merged.</summary>
    Merged,
}
