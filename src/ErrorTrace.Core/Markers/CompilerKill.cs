using ErrorTrace.Core.Tracebacks;

namespace ErrorTrace.Core.Markers;

/// <summary>
/// A compiler killed by SIGKILL while building a C++/CUDA extension (torch.utils.cpp_extension's ninja build, pip building
/// a package from source): the kernel's OOM killer, since every parallel compile job holds its own copy of the headers
/// (the fix is MAX_JOBS=1, more RAM or swap, not the toolchain). Each driver reports its child's death in fixed words:
/// <list type="bullet">
/// <item>nvcc: <c>nvcc error   : 'cicc' died due to signal 9 (Kill signal)</c> (also <c>'ptxas'</c>, <c>'cudafe++'</c>);</item>
/// <item>gcc's driver up to GCC 8 (gcc.c, <c>execute</c>: <c>internal_error ("%s (program %s)", strsignal (sig), prog)</c>):
/// <c>c++: internal compiler error: Killed (program cc1plus)</c>, strsignal's word translated by glibc when the locale has
/// it and gcc's own message not (<c>internal compiler error: 已杀死 (program cc1plus)</c>);</item>
/// <item>GCC 9 and later, which made SIGKILL a fatal error rather than an ICE because it is mostly memory:
/// <c>g++: fatal error: Killed signal terminated program cc1plus</c>;</item>
/// <item>collect2 for the linker (<c>"%s terminated with signal %d [%s]"</c>): <c>collect2: fatal error: ld terminated
/// with signal 9 [Killed]</c>.</item>
/// </list>
/// Only SIGKILL: a compiler's segfault or abort is a toolchain bug, left to the build's dependency rules.
/// </summary>
internal static class CompilerKill
{
    /// <summary>nvcc's diagnostics start with its name and the severity padded to a column (<c>nvcc error   : </c>).</summary>
    private const string NvccPrefix = "nvcc ";

    /// <summary>nvcc's words after the tool's quoted name and before the signal's number.</summary>
    private const string NvccKey = "' died due to signal ";

    /// <summary>GCC ≤ 8's driver: the strsignal() word follows, then <see cref="ProgramKey"/>.</summary>
    private const string IceKey = "internal compiler error: ";

    private const string ProgramKey = " (program ";

    /// <summary>GCC ≥ 9's driver: <c>fatal error: &lt;strsignal&gt; signal terminated program &lt;prog&gt;</c>.</summary>
    private const string FatalKey = "fatal error: ";

    private const string TerminatedKey = " signal terminated program ";

    /// <summary>collect2's words after the program's name: the signal's number, then its strsignal() word in brackets.</summary>
    private const string LinkerKey = " terminated with signal ";

    private const string CollectPrefix = "collect2: ";

    /// <summary>The needles, each chosen for a fingerprint (Text/RareWindow) the gate already had, so its buckets are planned
    /// as before (a new fingerprint re-plans them whatever the text: see RuntimeDeathReports.PidNeedle): nvcc's
    /// 'Kill signal)' keys on 'Kill' (the shell's 'Killed'); 'iler error' (the ICE, whatever language strsignal's word is
    /// in) on 'rror' (NCCL's 'L error'); 'signal terminated' (GCC 9, any language) on 'sign' ('by signal'); 'Killed]'
    /// (collect2) holds 'Killed', so the gate keeps only that one. 'compiler error' ('mpil'), '(program ' ('(pro') and
    /// 'terminated program' ('gram') would each have been a new fingerprint.</summary>
    private static readonly string[] s_needles = ["Kill signal)", "iler error", "signal terminated", "Killed]"];

    public static readonly LineMarker Marker = new("compiler-killed", s_needles,
        "A compiler or linker killed by SIGKILL while building an extension, in its driver's fixed words: nvcc's \"'cicc' died due to signal 9 (Kill signal)\", gcc's 'internal compiler error: Killed (program cc1plus)' (strsignal's word possibly translated: '已杀死'), GCC 9's 'fatal error: Killed signal terminated program cc1plus', collect2's 'ld terminated with signal 9 [Killed]'. Host memory (parallel compile jobs), so a death by SIGKILL that the memory rules read, ahead of the build's generic failure lines ('ninja: build stopped'). Only the driver's sentence with a SIGKILL in it: prose about an ICE, or a compiler's segfault, is not this.",
        Match);

    private static MarkerHit? Match(LineMarker marker, ReadOnlySpan<char> line) =>
        Read(line) is { } signal ? new MarkerHit(marker, MarkerKind.Death, signal) : null;

    /// <summary>"SIGKILL" when the trimmed line is a compiler driver's report of a child killed by SIGKILL, else null.</summary>
    public static string? Read(ReadOnlySpan<char> line) =>
        Nvcc(line) ?? Ice(line) ?? Terminated(line) ?? Linker(line);

    /// <summary><c>'cicc' died due to signal 9 (Kill signal)</c>: a quoted tool name, the number, its description in
    /// parentheses.</summary>
    private static string? Nvcc(ReadOnlySpan<char> line)
    {
        if (!line.StartsWith(NvccPrefix, StringComparison.Ordinal)) return null;
        var at = line.IndexOf(NvccKey, StringComparison.Ordinal);
        if (at < 0 || line[..at].IndexOf('\'') < 0) return null;
        var rest = line[(at + NvccKey.Length)..];
        return SignalNumber(rest, out var digits) is "SIGKILL" && rest[digits..].StartsWith(" (", StringComparison.Ordinal) ? "SIGKILL" : null;
    }

    /// <summary><c>internal compiler error: Killed (program cc1plus)</c>: the words between the key and the program are
    /// strsignal()'s, and the line ends with the program's name and the parenthesis.</summary>
    private static string? Ice(ReadOnlySpan<char> line)
    {
        var at = line.IndexOf(IceKey, StringComparison.Ordinal);
        if (!IsDriverPrefix(line, at)) return null;
        var rest = line[(at + IceKey.Length)..];
        var program = rest.IndexOf(ProgramKey, StringComparison.Ordinal);
        return program > 0 && IsProgramThenEnd(rest[(program + ProgramKey.Length)..], ')') && IsKillWord(rest[..program]) ? "SIGKILL" : null;
    }

    /// <summary><c>fatal error: Killed signal terminated program cc1plus</c>.</summary>
    private static string? Terminated(ReadOnlySpan<char> line)
    {
        var at = line.IndexOf(FatalKey, StringComparison.Ordinal);
        if (!IsDriverPrefix(line, at)) return null;
        var rest = line[(at + FatalKey.Length)..];
        var program = rest.IndexOf(TerminatedKey, StringComparison.Ordinal);
        return program > 0 && IsProgramThenEnd(rest[(program + TerminatedKey.Length)..], null) && IsKillWord(rest[..program]) ? "SIGKILL" : null;
    }

    /// <summary>collect2: <c>collect2: fatal error: ld terminated with signal 9 [Killed]</c> (GCC ≤ 4.8 printed it without
    /// 'fatal error: '); before it only collect2's and the severity's words, or neither: a launcher-prefix reader
    /// (Envelopes/LauncherPrefix) takes a lower-case <c>name: </c> at a line's start for a host's, as it does
    /// <c>x86_64-linux-gnu-gcc: </c>.</summary>
    private static string? Linker(ReadOnlySpan<char> line)
    {
        var at = line.IndexOf(LinkerKey, StringComparison.Ordinal);
        if (at <= 0) return null;
        var before = line[..at];
        if (before.StartsWith(CollectPrefix, StringComparison.Ordinal)) before = before[CollectPrefix.Length..];
        if (before.StartsWith(FatalKey, StringComparison.Ordinal)) before = before[FatalKey.Length..];
        if (before.IsEmpty || before.IndexOfAny(' ', '\t') >= 0) return null;
        var rest = line[(at + LinkerKey.Length)..];
        return SignalNumber(rest, out var digits) is "SIGKILL" && rest[digits..].StartsWith(" [", StringComparison.Ordinal) ? "SIGKILL" : null;
    }

    /// <summary>gcc's diagnostics start with the program's name and a colon (<c>c++: </c>): the key right after it, or at
    /// the line's start when the name was read as a host's prefix (<c>x86_64-linux-gnu-gcc: </c>, see
    /// <see cref="Linker"/>), so a sentence that quotes the words is not the report.</summary>
    private static bool IsDriverPrefix(ReadOnlySpan<char> line, int at) =>
        at == 0 || (at > 2 && line[at - 1] == ' ' && line[at - 2] == ':' && line[..(at - 2)].IndexOfAny(' ', '\t') < 0);

    /// <summary>A program's name (no space in it) and nothing after it but <paramref name="close"/>, when given.</summary>
    private static bool IsProgramThenEnd(ReadOnlySpan<char> rest, char? close)
    {
        if (close is { } c)
        {
            if (rest.IsEmpty || rest[^1] != c) return false;
            rest = rest[..^1];
        }

        return !rest.IsEmpty && rest.IndexOfAny(' ', '\t') < 0;
    }

    /// <summary>strsignal(SIGKILL) in English or as glibc translates it (Tracebacks/SignalNames.Localized).</summary>
    private static bool IsKillWord(ReadOnlySpan<char> words)
    {
        if (words.SequenceEqual("Killed")) return true;
        foreach (var (localized, signal, _) in SignalNames.Localized)
        {
            if (signal == "SIGKILL" && words.SequenceEqual(localized)) return true;
        }

        return false;
    }

    /// <summary>A signal's number (one or two digits) at the text's start, as a name, and how many digits it had.</summary>
    private static string? SignalNumber(ReadOnlySpan<char> text, out int digits)
    {
        digits = 0;
        while (digits < text.Length && digits < 3 && char.IsAsciiDigit(text[digits])) digits++;
        return digits is 0 or 3 ? null : SignalNames.FromNumber(int.Parse(text[..digits], provider: null));
    }
}
