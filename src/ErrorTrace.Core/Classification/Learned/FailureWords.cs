using System.Text.RegularExpressions;

namespace ErrorTrace.Core.Classification.Learned;

/// <summary>
/// Whether the lines printed last say that something failed, for a log in which the engine found no failure, no error
/// entry and no summary (the rules give it no analysis). Such logs are the pastes that never reach a Python exception:
/// a launcher's or a cluster's one line (<c>Container killed by YARN for exceeding memory limits</c>, <c>Pod ephemeral
/// local storage usage exceeds the total limit</c>, <c>ResourceLimitExceeded: An error occurred</c>), a native library's
/// own record format (<c>[TRT] [E] … Engine deserialization failed</c>, <c>[ERROR] … mem_dynamic_allocator.cc</c>), a
/// command line tool's <c>error:</c>, a loss that grows to 1e22. The learned model may then name the category from those
/// lines; without one of these words the log stays clean, so a healthy run's last progress bar never gets a diagnosis.
/// </summary>
/// <remarks>The words are a family, not one log's sentence: failure verbs and nouns in the forms libraries print them,
/// the kernel's and the shell's deaths, limits exceeded, NaN/Inf values. The trade-off: a healthy log whose last lines
/// mention "0 errors" or "error_rate" is not matched (whole words, and a digit 0 before "errors" is skipped), but one
/// that prints a recovered failure ("retrying after error") is, and then the model's probability threshold decides.</remarks>
internal static partial class FailureWords
{
    /// <summary>The last lines looked at: what a crashing process printed just before it stopped; earlier lines are the
    /// run's normal output (the same bound the model's <c>ctx:</c> features use).</summary>
    public const int LastLines = LearnedFeatures.LastContextLines;

    /// <summary>The last line (within <see cref="LastLines"/>) that says something failed, or null.</summary>
    public static ContextLine? Last(IReadOnlyList<ContextLine> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var c = context.Count - 1; c >= Math.Max(0, context.Count - LastLines); c--)
        {
            if (Pattern().IsMatch(context[c].Text)) return context[c];
        }

        return null;
    }

    // error/failed/fatal…: the verbs and nouns of failure; killed/aborted/core dumped/segmentation fault/bus error: the
    // shell's and kernel's deaths; exceed/out of memory/oom/evicted/quota/insufficient/no space: limits;
    // nan/inf as values (loss = nan, 'eval_loss': nan); timed out. '[E]' and 'E0205 …' severities are left to the
    // words of their message, which always carry one of these.
    [GeneratedRegex(@"(?i)(?<![0-9] )\b(?:errors?|fail(?:ed|ure|s)?|fatal|exceptions?|killed|abort(?:ed|ing)?|core dumped|segmentation fault|bus error|exceed(?:s|ed|ing)?|out of memory|oom(?:killed)?|evicted|quota|insufficient|no space left|timed out|nan|-?inf)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
