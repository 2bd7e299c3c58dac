using System.Text.Json;
using ErrorTrace.Core.Classification;

namespace ErrorTrace.Cli.Commands;

/// <summary>Loads <c>--rules</c>, turning every way it can go wrong into one message and <see cref="ExitCodes.BadRules"/>.</summary>
internal static class RulesFile
{
    public static bool TryLoad(string? path, TextWriter error, out RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(error);
        rules = RuleSet.Default;
        if (path is null) return true;
        if (!File.Exists(path))
        {
            error.WriteLine($"errortrace: rules file not found: {path}");
            error.WriteLine("Check the --rules path, or drop --rules to use the built-in rules.");
            return false;
        }

        try
        {
            rules = LoadFile(path);
            return true;
        }
        catch (JsonException ex)
        {
            error.WriteLine($"errortrace: bad rules file {path}: {ex.Message}");
            error.WriteLine("Fix the file, or drop --rules to use the built-in rules.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"errortrace: cannot read rules file {path}: {ex.Message}");
            error.WriteLine("Check that the file is readable, or drop --rules to use the built-in rules.");
        }

        return false;
    }

    // TODO: RuleSet.LoadFile(path) (throwing RuleSetException) is being added in Core; until it lands, only check
    // that the file is JSON and keep the built-in rules. Switch to it and catch RuleSetException instead of JsonException.
    private static RuleSet LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        return RuleSet.Default;
    }
}
