namespace ErrorTrace.Core.Classification;

/// <summary>A rules file that cannot be used: the message names the file, the rule and what is wrong.</summary>
public sealed class RuleSetException : Exception
{
    public RuleSetException()
    {
    }

    public RuleSetException(string message)
        : base(message)
    {
    }

    public RuleSetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal RuleSetException(string file, int? ruleIndex, string? ruleId, string problem, Exception? inner = null)
        : base(Format(file, ruleIndex, ruleId, problem), inner)
    {
        FilePath = file;
        RuleIndex = ruleIndex;
        RuleId = ruleId;
    }

    /// <summary>The file (or resource) that was being read.</summary>
    public string? FilePath { get; }

    /// <summary>The 0-based index of the offending rule in the file's <c>rules</c> array, when one is at fault.</summary>
    public int? RuleIndex { get; }

    public string? RuleId { get; }

    private static string Format(string file, int? index, string? id, string problem)
    {
        if (index is null) return $"{file}: {problem}";
        var name = string.IsNullOrEmpty(id) ? "(no id)" : $"'{id}'";
        return $"{file}: rules[{index}] {name}: {problem}";
    }
}
