using System.Collections.Frozen;

namespace ErrorTrace.Core.Classification;

/// <summary>Validates one rule document and compiles its conditions.</summary>
internal static class RuleBuilder
{
    /// <summary>Where the rule is, for error messages.</summary>
    public readonly record struct Site(string File, int Index);

    public static ClassificationRule Build(RuleDocument document, Site site, IReadOnlyDictionary<string, FailureCategory> categories)
    {
        var id = document.Id;
        RuleSetException Fail(string problem, Exception? inner = null) => new(site.File, site.Index, id, problem, inner);

        if (string.IsNullOrWhiteSpace(id)) throw Fail("needs an \"id\" (e.g. \"oom-eval-by-frame\"): reports name the rule that decided");
        if (string.IsNullOrWhiteSpace(document.Category)) throw Fail("needs a \"category\"");
        if (!categories.ContainsKey(document.Category))
            throw Fail($"unknown category '{document.Category}'; known: {string.Join(", ", categories.Keys.Order(StringComparer.Ordinal))}");

        var confidence = document.Confidence ?? "medium";
        if (!RuleSetLoader.IsOneOf(confidence, RuleSetLoader.Confidences))
            throw Fail($"confidence '{confidence}' must be high, medium or low");
        if (document.Phase is not null && !ErrorPhase.IsKnown(document.Phase))
            throw Fail($"phase '{document.Phase}' must be one of {string.Join(", ", ErrorPhase.All)}");

        var target = document.On switch
        {
            null or "root" => RuleTarget.Root,
            "failures" => RuleTarget.Failures,
            "errors" => RuleTarget.Errors,
            "summary" => RuleTarget.Summary,
            _ => throw Fail($"\"on\" is '{document.On}'; expected root, failures, errors or summary"),
        };

        if (document.Match is null) throw Fail("needs a \"match\" object with at least one condition");
        if (document.Fatal is not null && target != RuleTarget.Errors)
            throw Fail("\"fatal\" only applies to rules on errors: a failure the rule reads already makes the job failed");
        RuleConditions conditions;
        try
        {
            conditions = BuildConditions(document.Match, target);
        }
        catch (ArgumentException e)
        {
            throw Fail(e.Message, e);
        }

        return new ClassificationRule
        {
            Id = id,
            Comment = document.Comment,
            Category = document.Category,
            Phase = document.Phase,
            Confidence = confidence,
            Target = target,
            Description = document.Description,
            Suggestions = [.. document.Suggestions ?? []],
            Conditions = conditions,
            Fatal = document.Fatal == true,
        };
    }

    private static RuleConditions BuildConditions(MatchDocument match, RuleTarget target)
    {
        var onText = target is RuleTarget.Errors or RuleTarget.Summary;
        if (onText)
        {
            // Entries and the summary are text: frame and type conditions could never hold there.
            var misplaced = new (string Name, object? Value)[]
            {
                ("types", match.Types), ("frames", match.Frames), ("frame_regex", match.FrameRegex),
                ("not_frames", match.NotFrames), ("kinds", match.Kinds), ("raised_in", match.RaisedIn),
            }.Where(c => c.Value is not null).Select(c => c.Name).ToList();
            if (target == RuleTarget.Summary && match.Phases is not null) misplaced.Add("phases");
            if (target == RuleTarget.Summary && match.Levels is not null) misplaced.Add("levels");
            if (misplaced.Count > 0)
                throw new ArgumentException($"{string.Join(", ", misplaced)} cannot apply to rules on {target.ToString().ToLowerInvariant()} (they are text)");
        }
        else if (match.Levels is not null)
        {
            throw new ArgumentException("levels only applies to rules on errors");
        }

        if (match.NoRoot is not null && target != RuleTarget.Errors) throw new ArgumentException("no_root only applies to rules on errors");

        Check(match.Kinds, RuleSetLoader.Kinds, "kinds");
        Check(match.Levels, RuleSetLoader.Levels, "levels");
        if (match.RaisedIn is not null && !RuleSetLoader.IsOneOf(match.RaisedIn, RuleSetLoader.RaisedInValues))
            throw new ArgumentException($"raised_in '{match.RaisedIn}' must be user or library");

        var conditions = new RuleConditions
        {
            Types = TypeMatcher.Create(match.Types),
            Message = TextMatcher.Create(match.Message, match.MessageRegex, "message"),
            NotMessage = TextMatcher.Create(match.NotMessage, null, "not_message"),
            Frames = FrameMatcher.Create(match.Frames, match.FrameRegex, "frames"),
            NotFrames = FrameMatcher.Create(match.NotFrames, null, "not_frames"),
            Phases = ToSet(match.Phases),
            Kinds = ToSet(match.Kinds),
            Levels = ToSet(match.Levels) ?? FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "error"),
            RaisedIn = match.RaisedIn,
            NoRoot = match.NoRoot == true,
        };

        var positive = conditions.Types is not null || conditions.Message is not null || conditions.Frames is not null ||
            conditions.Phases is not null || conditions.Kinds is not null || conditions.RaisedIn is not null;
        if (!positive) throw new ArgumentException("match needs at least one positive condition (types, message, message_regex, frames, frame_regex, phases, kinds or raised_in)");
        return conditions;
    }

    private static void Check(List<string>? values, string[] allowed, string field)
    {
        foreach (var value in values ?? [])
        {
            if (!RuleSetLoader.IsOneOf(value, allowed))
                throw new ArgumentException($"{field} value '{value}' must be one of {string.Join(", ", allowed)}");
        }
    }

    private static FrozenSet<string>? ToSet(List<string>? values) =>
        values is { Count: > 0 } ? values.ToFrozenSet(StringComparer.OrdinalIgnoreCase) : null;
}
