namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of one category's metadata.</summary>
internal sealed class CategoryDocument
{
    public string? Description { get; set; }

    /// <summary>The default error phase; <c>unknown</c> when absent.</summary>
    public string? Phase { get; set; }

    /// <summary>Strings, or objects with a <c>when</c> condition (see <see cref="SuggestionDocument"/>).</summary>
    public List<SuggestionDocument>? Suggestions { get; set; }
}
