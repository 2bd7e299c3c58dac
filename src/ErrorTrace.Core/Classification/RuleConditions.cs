using System.Collections.Frozen;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// A rule's conditions, already compiled. Every condition present must hold; within one condition any
/// value may match. <c>message</c>, <c>message_regex</c> and the <c>wordings</c> families form one condition, as do
/// <c>frames</c> and <c>frame_regex</c>.
/// </summary>
internal sealed class RuleConditions
{
    public TypeMatcher? Types { get; init; }

    /// <summary>Looked for in the message and, failing that, in the type: a parser that splits
    /// <c>Fatal Python error: Segmentation fault</c> either way still matches "Segmentation fault".</summary>
    public TextMatcher? Message { get; init; }

    public TextMatcher? NotMessage { get; init; }

    /// <summary>Words that, mentioned anywhere the classifier looked, keep the conditions from holding on any surface
    /// (<see cref="ClassificationContext.Mentions"/>).</summary>
    public TextMatcher? NotMentions { get; init; }

    public FrameMatcher? Frames { get; init; }

    public FrameMatcher? NotFrames { get; init; }

    /// <summary>The innermost frame alone (<c>raised_at</c>, <c>raised_at_regex</c>): the code that raised, where
    /// <see cref="Frames"/> holds when any frame of the stack matches.</summary>
    public FrameMatcher? RaisedAt { get; init; }

    /// <summary>The innermost frame's source line: what the failing line did (<c>sys.argv[1]</c> is a missing argument
    /// whatever the exception).</summary>
    public TextMatcher? Code { get; init; }

    /// <summary>The source line of the innermost frame of the job's own code (<c>app_code_regex</c>): which call of the
    /// job led into the library that raised (<c>config = json.load(f)</c> is a config file, <c>json.loads(line)</c> a data
    /// record).</summary>
    public TextMatcher? AppCode { get; init; }

    /// <summary>A name the message complains about that the innermost frame's source line itself names.</summary>
    public MessageNameInCode? NameInCode { get; init; }

    /// <summary>The record phase (<c>[Eval]</c>), case-insensitive.</summary>
    public FrozenSet<string>? Phases { get; init; }

    public FrozenSet<string>? Kinds { get; init; }

    /// <summary>Entry levels; error entries only unless a rule asks for warnings too.</summary>
    public FrozenSet<string> Levels { get; init; } = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "error");

    /// <summary><c>user</c> or <c>library</c>: where the innermost frame is.</summary>
    public string? RaisedIn { get; init; }

    /// <summary>Errors and context rules: hold only when the log has no root failure (a hint line that means something
    /// only when nothing was raised: Hydra's for its own config errors, a launcher killing ranks that printed nothing).</summary>
    public bool NoRoot { get; init; }

    /// <summary>Context rules: the log ends on matching lines (the last line near the death matches, and so does every line
    /// after the latest one that does not). A wait printed again and again until the log stops is a hang; the same line
    /// followed by progress was only a slow start.</summary>
    public bool AtEnd { get; init; }

    /// <summary>Errors and context rules: hold only on a line or entry printed before the root failure began, when one of
    /// these matches the root (any exception of its chain): a cause printed before its aftermath. A GPU OOM that a program
    /// caught and logged, then the AttributeError on the result it never produced, or the segfault of a server that went on
    /// without its buffers, is the OOM; the root stays what was raised, the category is the cause's.</summary>
    public IReadOnlyList<RuleConditions>? BeforeRoot { get; init; }

    /// <summary>A death by one of these signals, or a text reporting one.</summary>
    public SignalMatcher? Signals { get; init; }

    /// <summary>The module of the innermost frame, when a library raised it.</summary>
    public ModuleMatcher? Modules { get; init; }

    /// <summary>The error phase the phase hints infer (<see cref="PhaseRules"/>).</summary>
    public FrozenSet<string>? ErrorPhases { get; init; }

    /// <summary>Whether <paramref name="view"/> satisfies every condition; <paramref name="messageIndex"/>
    /// is where the message (or signal) condition matched in the message (-1 when none or in the type).</summary>
    public bool Matches(FailureView view, ClassificationContext context, out int messageIndex)
    {
        messageIndex = -1;
        if (Kinds is not null && !Kinds.Contains(view.Kind)) return false;
        if (Types is not null && !Types.Matches(view.Type)) return false;
        if (Phases is not null && (view.Phase is null || !Phases.Contains(view.Phase))) return false;
        if (RaisedIn is not null && (view.RaisedInApp is not { } inApp || inApp != (RaisedIn == "user"))) return false;
        if (Modules is not null && !Modules.Matches(view.Module)) return false;
        if (Frames is not null && Frames.FindInnermost(view.Frames) < 0) return false;
        if (NotFrames is not null && NotFrames.FindInnermost(view.Frames) >= 0) return false;
        if (RaisedAt is not null && (view.Frames.Count == 0 || !RaisedAt.Matches(view.Frames[^1]))) return false;
        if (Code is not null && (view.Frames.Count == 0 || !Code.Matches(view.Frames[^1].Code))) return false;
        if (AppCode is not null && (view.AppCode is null || !AppCode.Matches(view.AppCode))) return false;
        if (NameInCode is not null && !NameInCode.Matches(view.Message, view.Frames)) return false;
        if (NotMessage is not null && NotMessage.Matches(view.Message)) return false;
        if (Signals is not null && !Signals.MatchesDeath(view.Kind, view.Type))
        {
            messageIndex = Signals.Find(view.Message);
            if (messageIndex < 0) return false;
        }

        if (Message is not null)
        {
            messageIndex = Message.Find(view.Message);
            if (messageIndex < 0 && !Message.Matches(view.Type)) return false;
        }

        return ErrorPhases is null || ErrorPhases.Contains(context.PhaseOf(view).Phase);
    }

    public bool Matches(ErrorEntry entry, ClassificationContext context)
    {
        if (!Levels.Contains(entry.Level)) return false;
        if (BeforeRoot is not null && !context.IsBeforeAftermath(entry.FirstLine, BeforeRoot)) return false;
        if (Phases is not null && (entry.Phase is null || !Phases.Contains(entry.Phase))) return false;
        if (ErrorPhases is not null && !ErrorPhases.Contains(context.PhaseOfEntry(entry))) return false;
        return MatchesText(entry.Message);
    }

    /// <summary>The error phase of a text that belongs to no failure and no record (the summary, a line near the death):
    /// what the lines before the death and the whole program say. Without this an <c>error_phases</c> rule on those
    /// surfaces held whatever the phase (a TensorFlow training OOM logged only as allocator lines read as evaluation).</summary>
    public bool MatchesLoosePhase(ClassificationContext context) =>
        ErrorPhases is null || ErrorPhases.Contains(context.PhaseOfEntry(null));

    /// <summary>The text conditions alone: entries, the summary and the lines near the death are text.</summary>
    public bool MatchesText(string text) =>
        (Message is null || Message.Matches(text)) &&
        (Signals is null || Signals.Find(text) >= 0) &&
        (NotMessage is null || !NotMessage.Matches(text));
}
