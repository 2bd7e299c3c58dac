namespace ErrorTrace.Core.Classification.Learned;

/// <summary>The model shipped in the library: <c>model.txt</c>, written by <c>scripts/accuracy/train.sh</c> from the
/// real-log corpus' labels and embedded as a resource. Read once, on first use.</summary>
public static class LearnedModel
{
    /// <summary>The embedded resource's name (ErrorTrace.Core.csproj).</summary>
    public const string ResourceName = "ErrorTrace.Core.learned-model.txt";

    private static readonly Lazy<NaiveBayesModel> s_default = new(Load);

    public static NaiveBayesModel Default => s_default.Value;

    private static NaiveBayesModel Load()
    {
        using var stream = typeof(LearnedModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return LearnedModelText.Read(reader).ToModel();
    }
}
