namespace ErrorTrace.Accuracy.Learned;

/// <summary>What the rules and the model answer together for one case in an experiment (<see cref="ExperimentRecord"/>):
/// the model takes over where the rules defer (at <c>τ</c>) and, with a reach, overrules a broad rule (at its own τ).</summary>
internal static class ExperimentDecision
{
    public static string Answer(LearnedCase c, (string Category, double Probability) p, RulesView view, double tau, ExperimentRecord.Variant v)
    {
        var rules = c.RulesOf(view);
        if (c.CleanOf(view) || p.Category is null) return rules;
        if (Defers(c, view, v.Defer)) return p.Probability >= tau ? p.Category : rules;
        return v.Reach != "none" && p.Probability >= v.ReachTau && RuleBreadth.Reaches(RuleOf(c, view), v.Reach) ? p.Category : rules;
    }

    /// <summary>The rule that decided: the before-fixing record names it for a miss; for a case those rules got right
    /// the rules of now stand in when they still give the label (else unknown: never overruled).</summary>
    public static string? RuleOf(LearnedCase c, RulesView view)
    {
        if (view == RulesView.BeforeFixing && c.HasBefore)
            return c.BeforeCategory != c.Label ? c.BeforeRuleId : c.RulesCategory == c.Label ? c.ByRules?.RuleId : null;
        return c.ByRules?.RuleId;
    }

    public static bool Defers(LearnedCase c, RulesView view, string defer)
    {
        if (c.DeferKindOf(view) is { } kind && kind != Deferral.LowConfidence) return true;
        if (defer == "base") return false;
        string? level;
        if (view == RulesView.BeforeFixing && c.HasBefore && c.BeforeCategory != c.Label)
            level = RuleConfidence.Of(c.BeforeRuleId);
        else if (view == RulesView.BeforeFixing && c.HasBefore)
            level = c.RulesCategory == c.Label ? c.ByRules?.Confidence : null;
        else
            level = c.ByRules?.Confidence;
        return level == "low" || (defer == "medium" && level == "medium");
    }
}
