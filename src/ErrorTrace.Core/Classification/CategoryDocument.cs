namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of one category's metadata.</summary>
internal sealed class CategoryDocument
{
    public string? Description { get; set; }

    /// <summary>The default error phase; <c>unknown</c> when absent.</summary>
    public string? Phase { get; set; }

    public List<string>? Suggestions { get; set; }
}
