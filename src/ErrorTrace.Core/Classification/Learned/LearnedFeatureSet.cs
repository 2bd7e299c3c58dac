namespace ErrorTrace.Core.Classification.Learned;

/// <summary>
/// Groups of tokens <see cref="LearnedFeatures"/> can add to its base ones (root type, message, chain types, the three
/// innermost frames, other failures, error entries, summary, the last context lines). Each group was measured on its
/// own by cross-validation grouped by project (docs/accuracy-learned.md); the shipped model uses
/// <see cref="LearnedFeatures.Shipped"/>, and a model must be used with the set it was trained on.
/// </summary>
[Flags]
public enum LearnedFeatureSet
{
    /// <summary>The base tokens only.</summary>
    Base = 0,

    /// <summary>The library module (<c>cmod:torch/utils/data</c>) and function (<c>cfunc:</c>) of every frame of the root
    /// and of its chain's links: where the failure travelled, not only where it ended.</summary>
    ChainFrames = 1,

    /// <summary>The types of the worker's original exception (DataLoader's <c>Original Traceback</c>) and of an exception
    /// group's sub-exceptions (<c>orig:</c>), and the message words of a chained root's final exception (<c>final:</c>).</summary>
    ChainTypes = 2,

    /// <summary>The words of the last few context lines before the death on their own (<c>last:</c>): the line that
    /// names the mechanism is usually one of them.</summary>
    LastLines = 4,

    /// <summary>The innermost frame of the job's own code: its file name's words (<c>ufile:train</c>, <c>ufile:dataset</c>)
    /// and function (<c>ufunc:</c>).</summary>
    UserFrame = 8,

    /// <summary>The phase a record or the traceback printed (<c>phase:eval</c>) and the phase words of the frames' functions.</summary>
    Phase = 16,
}
