namespace ErrorTrace.Core.Classification;

/// <summary>The input with its failures expanded once, shared by every rule of one classification.</summary>
internal sealed class ClassificationContext
{
    public ClassificationContext(ClassificationInput input, InAppRules inApp)
    {
        Input = input;
        RootViews = input.Root is null ? [] : FailureView.Expand(input.Root, inApp);
        var others = new List<FailureView>();
        foreach (var failure in input.Failures)
        {
            // The root is in Failures too; rules on Failures are about the other ones.
            if (ReferenceEquals(failure, input.Root) || failure == input.Root) continue;
            others.AddRange(FailureView.Expand(failure, inApp));
        }

        OtherFailureViews = others;
    }

    public ClassificationInput Input { get; }

    public IReadOnlyList<FailureView> RootViews { get; }

    public IReadOnlyList<FailureView> OtherFailureViews { get; }
}
