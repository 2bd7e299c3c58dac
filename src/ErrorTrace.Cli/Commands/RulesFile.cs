using ErrorTrace.Core.Classification;

namespace ErrorTrace.Cli.Commands;

/// <summary>Loads <c>--rules</c>, turning every way it can go wrong into one message and <see cref="ExitCodes.BadRules"/>.</summary>
internal static class RulesFile
{
    public static bool TryLoad(string? path, TextWriter error, out RuleSet? rules)
    {
        ArgumentNullException.ThrowIfNull(error);
        rules = null;
        if (path is null) return true;
        if (!File.Exists(path))
        {
            error.WriteLine($"errortrace: rules file not found: {path}");
            error.WriteLine("Check the --rules path, or drop --rules to use the built-in rules.");
            return false;
        }

        try
        {
            rules = RuleSet.LoadFile(path);
            return true;
        }
        catch (RuleSetException ex)
        {
            // The engine's message already names the file, the rule and the problem.
            error.WriteLine($"errortrace: bad rules file: {ex.Message}");
            error.WriteLine("Fix the file, or drop --rules to use the built-in rules.");
            return false;
        }
    }
}
