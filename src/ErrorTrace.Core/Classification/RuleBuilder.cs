namespace ErrorTrace.Core.Classification;

/// <summary>Validates one rule document and compiles its conditions.</summary>
internal static class RuleBuilder
{
    /// <summary>Where the rule is, for error messages.</summary>
    public readonly record struct Site(string File, int Index);

    public static ClassificationRule Build(RuleDocument document, Site site, IReadOnlyDictionary<string, FailureCategory> categories, WordingTable wordings)
    {
        var id = document.Id;
        RuleSetException Fail(string problem, Exception? inner = null) => new(site.File, site.Index, id, problem, inner);

        if (string.IsNullOrWhiteSpace(id)) throw Fail("needs an \"id\" (e.g. \"oom-eval-by-frame\"): reports name the rule that decided");
        if (string.IsNullOrWhiteSpace(document.Category)) throw Fail("needs a \"category\"");
        if (!categories.ContainsKey(document.Category))
            throw Fail($"unknown category '{document.Category}'; known: {string.Join(", ", categories.Keys.Order(StringComparer.Ordinal))}");

        var confidence = document.Confidence ?? Confidence.Medium;
        if (!Confidence.All.Contains(confidence, StringComparer.Ordinal))
            throw Fail($"confidence '{confidence}' must be high, medium or low");
        if (document.Phase is not null && !ErrorPhase.IsKnown(document.Phase))
            throw Fail($"phase '{document.Phase}' must be one of {string.Join(", ", ErrorPhase.All)}");
        if (document.Match is null) throw Fail("needs a \"match\" object with at least one condition");

        try
        {
            var targets = ConditionsBuilder.Targets(document.On);
            if (document.Fatal is not null && !targets.Any(t => t is RuleTarget.Errors or RuleTarget.Context))
                throw new ArgumentException("\"fatal\" only applies to rules on errors or context: a failure the rule reads already makes the job failed");
            return new ClassificationRule
            {
                Id = id,
                Comment = document.Comment,
                Category = document.Category,
                Phase = document.Phase,
                Confidence = confidence,
                Targets = targets,
                Description = document.Description,
                Suggestions = [.. (document.Suggestions ?? []).Select(s => Suggestion.Create(s, wordings, "suggestions"))],
                Conditions = ConditionsBuilder.Build(document.Match, targets, wordings),
                Fatal = document.Fatal == true,
            };
        }
        catch (ArgumentException e)
        {
            throw Fail(e.Message, e);
        }
    }
}
