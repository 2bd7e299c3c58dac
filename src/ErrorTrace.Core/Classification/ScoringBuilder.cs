namespace ErrorTrace.Core.Classification;

/// <summary>Validates and compiles the <c>scoring</c> section; a user file's signals come before the built-in ones.</summary>
internal static class ScoringBuilder
{
    /// <exception cref="RuleSetException">A signal without id, category or positive weight, or with bad conditions.</exception>
    public static EvidenceScoring Build(ScoringDocument? document, string source, IReadOnlyDictionary<string, FailureCategory> categories,
        WordingTable wordings, EvidenceScoring? defaults)
    {
        defaults ??= EvidenceScoring.None;
        if (document is null) return defaults;
        var signals = new List<ScoringSignal>();
        var ids = new HashSet<string>(defaults.Signals.Select(s => s.Id), StringComparer.Ordinal);
        var documents = document.Signals ?? [];
        for (var i = 0; i < documents.Count; i++)
        {
            var signal = documents[i];
            RuleSetException Fail(string problem, Exception? inner = null) => new(source, null, signal.Id, $"scoring.signals[{i}]: {problem}", inner);
            if (string.IsNullOrWhiteSpace(signal.Id)) throw Fail("needs an \"id\": the evidence names the signals that counted");
            if (!ids.Add(signal.Id)) throw Fail($"duplicate id '{signal.Id}'");
            if (signal.Category is null || !categories.ContainsKey(signal.Category) || signal.Category == FailureCategory.Unknown)
                throw Fail($"category '{signal.Category}' must be a known category other than unknown");
            if (signal.Weight is not > 0) throw Fail("needs a positive \"weight\"");
            if (signal.Match is null) throw Fail("needs a \"match\"");
            try
            {
                var targets = ConditionsBuilder.Targets(signal.On);
                signals.Add(new ScoringSignal(signal.Id, signal.Category, signal.Weight.Value, targets,
                    ConditionsBuilder.Build(signal.Match, targets, wordings), signal.Comment ?? ""));
            }
            catch (ArgumentException e)
            {
                throw Fail(e.Message, e);
            }
        }

        return new EvidenceScoring([.. signals, .. defaults.Signals], document.MediumScore ?? defaults.MediumScore,
            document.MediumMargin ?? defaults.MediumMargin);
    }
}
