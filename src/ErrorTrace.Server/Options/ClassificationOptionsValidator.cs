using ErrorTrace.Core.Classification;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Options;

/// <summary>Loads the rules file at start (<c>ValidateOnStart</c>), so a bad file stops the service with the loader's
/// message (file, rule, problem) instead of failing every report later.</summary>
internal sealed class ClassificationOptionsValidator : IValidateOptions<ClassificationOptions>
{
    public ValidateOptionsResult Validate(string? name, ClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.RulesFile)) return ValidateOptionsResult.Success;
        try
        {
            _ = RuleSet.LoadFile(options.RulesFile);
            return ValidateOptionsResult.Success;
        }
        catch (RuleSetException e)
        {
            return ValidateOptionsResult.Fail($"Classification:RulesFile: {e.Message}");
        }
    }
}
