namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of a phase hint's evidence; any one part may hold (see <see cref="PhaseHint"/>).</summary>
internal sealed class PhaseMatchDocument
{
    /// <summary>Frames as in rules ('function' or 'file:function').</summary>
    public List<string>? Frames { get; set; }

    public List<string>? FrameRegex { get; set; }

    /// <summary>Modules of library frames ('vllm', 'lightning/pytorch/loops').</summary>
    public List<string>? Modules { get; set; }

    /// <summary>The log record's phase tag (<c>[Eval]</c>), case-insensitive.</summary>
    public List<string>? Records { get; set; }

    /// <summary>Case-insensitive substrings of the lines printed just before the death (progress bars, banners).</summary>
    public List<string>? Lines { get; set; }

    public List<string>? LinesRegex { get; set; }

    /// <summary>Functions the innermost frame's source line calls (<c>self._forward_generate(</c>): what was running when a
    /// filtered traceback (JAX, Keras) hides the frames below the user's call.</summary>
    public List<string>? Calls { get; set; }

    /// <summary>Case-insensitive substrings of any line near the death or any frame's path: evidence about the whole
    /// program (a vLLM worker), not about the moment of the death.</summary>
    public List<string>? Mentions { get; set; }

    /// <summary>Regexes over the same texts as <see cref="Mentions"/> (an inference script's name on its command line or
    /// in its frames' paths).</summary>
    public List<string>? MentionsRegex { get; set; }

    /// <summary>The one allocation an out-of-memory message says failed is at least this share of the device's total memory
    /// (<see cref="OomAllocation"/>): evidence about what the program was doing, read wherever the message is.</summary>
    public double? AllocationShare { get; set; }
}
