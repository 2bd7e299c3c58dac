namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of a rule's conditions; see <see cref="RuleConditions"/> for their meaning.</summary>
internal sealed class MatchDocument
{
    public List<string>? Types { get; set; }

    public List<string>? Message { get; set; }

    public List<string>? MessageRegex { get; set; }

    public List<string>? NotMessage { get; set; }

    /// <summary>Case-insensitive substrings the log must not mention anywhere the classifier looked (exception types and
    /// messages, frame files and functions, error entries, the summary, the lines near the death): evidence elsewhere in
    /// the log that the same words mean another mechanism (a SIGBUS from a file the program memory-maps itself).</summary>
    public List<string>? NotMentions { get; set; }

    /// <summary>Wording families by name (the top-level <c>wordings</c>); part of the message condition.</summary>
    public List<string>? Wordings { get; set; }

    /// <summary>Signal deaths by name (<c>SIGKILL</c>): a death by that signal, or a text reporting one (exit code -9 or
    /// 137, <c>Signal 9 (SIGKILL)</c>, <c>killed by signal: Killed</c>).</summary>
    public List<string>? Signals { get; set; }

    /// <summary>The module of the innermost frame when it is library code (<c>torch/cuda</c>, <c>PIL</c>, <c>os</c>):
    /// where a library raised it.</summary>
    public List<string>? Modules { get; set; }

    /// <summary>The error phase the phase hints infer for the failure (<c>evaluation</c>).</summary>
    public List<string>? ErrorPhases { get; set; }

    public List<string>? Frames { get; set; }

    public List<string>? FrameRegex { get; set; }

    public List<string>? NotFrames { get; set; }

    /// <summary>Frame patterns (<c>function</c> or <c>file:function</c>, as <c>frames</c>) for the innermost frame only:
    /// where the exception was raised, not merely a frame it passed through.</summary>
    public List<string>? RaisedAt { get; set; }

    /// <summary>Regexes over the innermost frame's function name.</summary>
    public List<string>? RaisedAtRegex { get; set; }

    /// <summary>Regexes over the innermost frame's source line, as printed (<c>datacfg = sys.argv[1]</c>): what the
    /// failing line did.</summary>
    public List<string>? CodeRegex { get; set; }

    /// <summary>Regexes over the source line of the innermost frame of the job's own code (<c>config = json.load(f)</c>):
    /// the call that led into the library that raised.</summary>
    public List<string>? AppCodeRegex { get; set; }

    /// <summary>Regexes over the message with a <c>(?&lt;name&gt;…)</c> group: the captured name must appear as a word in the
    /// innermost frame's source line (<see cref="MessageNameInCode"/>).</summary>
    public List<string>? MessageNameInCode { get; set; }

    public List<string>? Phases { get; set; }

    public List<string>? Kinds { get; set; }

    public List<string>? Levels { get; set; }

    public string? RaisedIn { get; set; }

    /// <summary>Rules on errors or context: the log has no root failure at all (no traceback, abort or death).</summary>
    public bool? NoRoot { get; set; }

    /// <summary>Rules on context only: the matching lines end the log (see <see cref="RuleConditions.AtEnd"/>).</summary>
    public bool? AtEnd { get; set; }

    /// <summary>Rules on errors or context: the log has a root failure that one of these matches (each a root-surface
    /// <c>match</c>), and the matching line or entry was printed before it began (see <see cref="RuleConditions.BeforeRoot"/>).</summary>
    public List<MatchDocument>? BeforeRoot { get; set; }
}
