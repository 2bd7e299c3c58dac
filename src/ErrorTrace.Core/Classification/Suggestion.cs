namespace ErrorTrace.Core.Classification;

/// <summary>A suggestion and the evidence it needs: given only when <see cref="When"/> holds (always when null), so a
/// report never suggests something about a library, setting or error the log never mentions.</summary>
internal sealed record Suggestion(string Text, SuggestionCondition? When)
{
    /// <exception cref="ArgumentException">No text, or a bad condition.</exception>
    public static Suggestion Create(SuggestionDocument document, WordingTable wordings, string field)
    {
        if (string.IsNullOrWhiteSpace(document.Text)) throw new ArgumentException($"{field} has a suggestion without \"text\"");
        return new Suggestion(document.Text, document.When is null ? null : SuggestionCondition.Create(document.When, wordings, field));
    }
}
