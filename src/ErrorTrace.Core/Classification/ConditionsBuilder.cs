using System.Collections.Frozen;

namespace ErrorTrace.Core.Classification;

/// <summary>Validates a <c>match</c> object against the surfaces it is read on, and compiles it (rules and scoring signals).</summary>
internal static class ConditionsBuilder
{
    private static readonly string[] s_kinds = ["python", "faulthandler", "cpp", "signal"];
    private static readonly string[] s_levels = ["error", "warning"];
    private static readonly string[] s_raisedIn = ["user", "library"];

    /// <summary>The surfaces of <c>on</c>, in order (root when absent).</summary>
    /// <exception cref="ArgumentException">An unknown or repeated surface.</exception>
    public static IReadOnlyList<RuleTarget> Targets(List<string>? on)
    {
        if (on is null) return [RuleTarget.Root];
        if (on.Count == 0) throw new ArgumentException("\"on\" is an empty list; expected root, failures, errors, summary or context");
        var targets = new List<RuleTarget>();
        foreach (var name in on)
        {
            var target = name switch
            {
                "root" => RuleTarget.Root,
                "failures" => RuleTarget.Failures,
                "errors" => RuleTarget.Errors,
                "summary" => RuleTarget.Summary,
                "context" => RuleTarget.Context,
                _ => throw new ArgumentException($"\"on\" has '{name}'; expected root, failures, errors, summary or context"),
            };
            if (targets.Contains(target)) throw new ArgumentException($"\"on\" lists '{name}' twice");
            targets.Add(target);
        }

        return targets;
    }

    public static bool IsText(RuleTarget target) => target is RuleTarget.Errors or RuleTarget.Summary or RuleTarget.Context;

    /// <exception cref="ArgumentException">A condition that cannot apply to one of the surfaces, or a bad value.</exception>
    public static RuleConditions Build(MatchDocument match, IReadOnlyList<RuleTarget> targets, WordingTable wordings)
    {
        var text = targets.Where(IsText).Select(t => t.ToString().ToLowerInvariant()).ToList();
        if (text.Count > 0)
        {
            // Entries, the summary and context lines are text: frame, type and module conditions could never hold there.
            var misplaced = new (string Name, object? Value)[]
            {
                ("types", match.Types), ("frames", match.Frames), ("frame_regex", match.FrameRegex), ("not_frames", match.NotFrames),
                ("raised_at", match.RaisedAt), ("raised_at_regex", match.RaisedAtRegex),
                ("code_regex", match.CodeRegex), ("app_code_regex", match.AppCodeRegex), ("message_name_in_code", match.MessageNameInCode),
                ("kinds", match.Kinds), ("raised_in", match.RaisedIn), ("modules", match.Modules),
            }.Where(c => c.Value is not null).Select(c => c.Name).ToList();
            if (misplaced.Count > 0)
                throw new ArgumentException($"{string.Join(", ", misplaced)} cannot apply to rules on {string.Join(", ", text)} (they are text)");
        }

        var onErrors = targets.Contains(RuleTarget.Errors);
        if (match.Levels is not null && !onErrors) throw new ArgumentException("levels only applies to rules on errors");
        if (match.NoRoot is not null && !onErrors && !targets.Contains(RuleTarget.Context))
            throw new ArgumentException("no_root only applies to rules on errors or context");
        if (match.AtEnd is not null && targets.Any(t => t != RuleTarget.Context)) throw new ArgumentException("at_end only applies to rules on context alone");
        if (match.BeforeRoot is not null)
        {
            if (targets.Any(t => t is not (RuleTarget.Errors or RuleTarget.Context)))
                throw new ArgumentException("before_root only applies to rules on errors or context");
            if (match.BeforeRoot.Count == 0) throw new ArgumentException("before_root is an empty list");
            if (match.NoRoot == true) throw new ArgumentException("before_root and no_root cannot both hold");
        }

        if (match.Phases is not null && targets.Any(t => t is RuleTarget.Summary or RuleTarget.Context))
            throw new ArgumentException("phases (the record's phase tag) cannot apply to the summary or context lines");

        Check(match.Kinds, s_kinds, "kinds");
        Check(match.Levels, s_levels, "levels");
        Check(match.ErrorPhases, [.. ErrorPhase.All], "error_phases");
        if (match.RaisedIn is not null && !s_raisedIn.Contains(match.RaisedIn, StringComparer.Ordinal))
            throw new ArgumentException($"raised_in '{match.RaisedIn}' must be user or library");

        var (substrings, regexes) = wordings.Expand(match.Message, match.MessageRegex, match.Wordings, "wordings");
        var conditions = new RuleConditions
        {
            Types = TypeMatcher.Create(match.Types),
            Message = TextMatcher.Create(substrings, regexes, "message"),
            NotMessage = TextMatcher.Create(match.NotMessage, null, "not_message"),
            NotMentions = TextMatcher.Create(match.NotMentions, null, "not_mentions"),
            Frames = FrameMatcher.Create(match.Frames, match.FrameRegex, "frames"),
            NotFrames = FrameMatcher.Create(match.NotFrames, null, "not_frames"),
            RaisedAt = FrameMatcher.Create(match.RaisedAt, match.RaisedAtRegex, "raised_at"),
            Code = TextMatcher.Create(null, match.CodeRegex, "code"),
            AppCode = TextMatcher.Create(null, match.AppCodeRegex, "app_code"),
            NameInCode = MessageNameInCode.Create(match.MessageNameInCode, "message_name_in_code"),
            Phases = ToSet(match.Phases),
            Kinds = ToSet(match.Kinds),
            Levels = ToSet(match.Levels) ?? FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "error"),
            RaisedIn = match.RaisedIn,
            NoRoot = match.NoRoot == true,
            AtEnd = match.AtEnd == true,
            Signals = SignalMatcher.Create(match.Signals),
            Modules = ModuleMatcher.Create(match.Modules, "modules"),
            ErrorPhases = match.ErrorPhases is { Count: > 0 } p ? p.ToFrozenSet(StringComparer.Ordinal) : null,
            BeforeRoot = match.BeforeRoot?.Select(root => Build(root, [RuleTarget.Root], wordings)).ToList(),
        };

        var positive = conditions.Types is not null || conditions.Message is not null || conditions.Frames is not null || conditions.RaisedAt is not null ||
            conditions.Code is not null || conditions.NameInCode is not null || conditions.Phases is not null || conditions.Kinds is not null || conditions.RaisedIn is not null ||
            conditions.Signals is not null || conditions.Modules is not null || conditions.ErrorPhases is not null;
        if (!positive)
        {
            throw new ArgumentException("match needs at least one positive condition (types, message, message_regex, wordings, signals, " +
                "modules, frames, frame_regex, raised_at, raised_at_regex, code_regex, message_name_in_code, phases, error_phases, kinds or raised_in)");
        }

        return conditions;
    }

    private static void Check(List<string>? values, string[] allowed, string field)
    {
        foreach (var value in values ?? [])
        {
            if (!allowed.Contains(value, StringComparer.Ordinal))
                throw new ArgumentException($"{field} value '{value}' must be one of {string.Join(", ", allowed)}");
        }
    }

    private static FrozenSet<string>? ToSet(List<string>? values) =>
        values is { Count: > 0 } ? values.ToFrozenSet(StringComparer.OrdinalIgnoreCase) : null;
}
