namespace ErrorTrace.Core.Classification;

/// <summary>Validates and compiles the <c>phases</c> section; a user file's hints come before the built-in ones.</summary>
internal static class PhaseHintBuilder
{
    /// <exception cref="RuleSetException">A hint without id, with an unknown phase, or without evidence.</exception>
    public static PhaseRules Build(PhasesDocument? document, string source, PhaseRules? defaults)
    {
        defaults ??= PhaseRules.None;
        if (document?.Hints is not { Count: > 0 } hints) return defaults;
        var compiled = new List<PhaseHint>();
        for (var i = 0; i < hints.Count; i++)
        {
            var hint = hints[i];
            RuleSetException Fail(string problem, Exception? inner = null) => new(source, null, hint.Id, $"phases.hints[{i}]: {problem}", inner);
            if (string.IsNullOrWhiteSpace(hint.Id)) throw Fail("needs an \"id\"");
            if (hint.Phase is null || !ErrorPhase.IsKnown(hint.Phase) || hint.Phase == ErrorPhase.Unknown)
                throw Fail($"phase '{hint.Phase}' must be one of {string.Join(", ", ErrorPhase.All.Where(p => p != ErrorPhase.Unknown))}");
            try
            {
                var match = PhaseEvidence.Create(hint.Match, $"phases.{hint.Id}");
                if (match.IsEmpty) throw new ArgumentException("needs a \"match\" with frames, frame_regex, modules, records, lines, lines_regex, mentions, calls or allocation_share");
                var unless = hint.Unless is null ? null : PhaseEvidence.Create(hint.Unless, $"phases.{hint.Id}.unless");
                if (hint.Weight is { } w && (!double.IsFinite(w) || w <= 0)) throw new ArgumentException($"weight {w} must be a positive number");
                compiled.Add(new PhaseHint(hint.Id, hint.Phase, match, unless, hint.Comment ?? "", hint.Weight ?? PhaseHint.DefaultWeight));
            }
            catch (ArgumentException e)
            {
                throw Fail(e.Message, e);
            }
        }

        return defaults.Prepend(compiled);
    }
}
