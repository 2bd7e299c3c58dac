namespace ErrorTrace.Core.Markers;

/// <summary>
/// glibc's malloc finding its heap corrupted (malloc_printerr): it writes one line naming the check that failed and
/// calls abort(), so the line is the process's last word and its death by SIGABRT, whether or not the shell's
/// <c>Aborted (core dumped)</c> survives in the log. glibc 2.26 and later print the check alone
/// (<c>double free or corruption (out)</c>, <c>free(): invalid pointer</c>, <c>malloc(): corrupted top size</c>,
/// <c>munmap_chunk(): invalid pointer</c>, <c>corrupted size vs. prev_size</c>); older ones wrapped it
/// (<c>*** Error in `python': double free or corruption (!prev): 0x0000000001c2a4b0 ***</c>, before 2.18
/// <c>*** glibc detected *** python: free(): invalid next size (fast): 0x… ***</c>); 2.37 added assertion failures
/// (<c>Fatal glibc error: malloc.c:2599 (sysmalloc): assertion failed: …</c>). In an ML job the usual cause is two
/// native libraries built against different allocators or versions (OpenCV with PyTorch, a wheel for another ABI).
/// </summary>
internal static class HeapCorruption
{
    /// <summary>The allocator functions whose checks print <c>name(): what</c> (malloc.c's malloc_printerr calls).</summary>
    private static readonly string[] s_functions =
        ["free", "malloc", "realloc", "munmap_chunk", "malloc_consolidate", "tcache_thread_shutdown"];

    /// <summary>What those checks say after <c>(): </c>, every wording of glibc 2.26-2.40's malloc.c (<c>free(): invalid
    /// next size (fast)</c>, <c>free(): double free detected in tcache 2</c>, <c>malloc(): unaligned tcache chunk
    /// detected</c>, <c>malloc(): mismatching next-&gt;prev_size (unsorted)</c>, …).</summary>
    private static readonly string[] s_checkWords =
    [
        "invalid ", "too many ", "unaligned ", "double free", "corrupted ", "memory corruption", "smallbin ",
        "largebin ", "mismatching ", "unsorted ",
    ];

    /// <summary>Checks printed without a function's name.</summary>
    private static readonly string[] s_bareChecks =
        ["double free or corruption", "corrupted size vs. prev_size", "corrupted double-linked list"];

    /// <summary>The wrappers glibc before 2.26 printed around the check.</summary>
    private static readonly string[] s_wrappers = ["*** Error in `", "*** glibc detected *** "];

    /// <summary>glibc 2.37's assertion failures: <c>Fatal glibc error: malloc.c:2599 (sysmalloc): assertion failed: …</c>
    /// (read when another needle brought the line here; it has none of its own, see the marker's needles).</summary>
    private const string FatalPrefix = "Fatal glibc error: ";

    private const string AssertionNeedle = "): assertion failed: ";

    private const string FunctionSeparator = "(): ";

    public static readonly LineMarker Marker = new(
        "glibc-heap-abort",
        ["ouble free", "d pointer", "*** Error in `", "*** glibc detected"],
        "glibc's malloc aborting on a corrupted heap: 'double free or corruption (out)', 'free(): double free detected in tcache 2', 'free(): invalid pointer', 'munmap_chunk(): invalid pointer', older glibc's '*** Error in `python': free(): invalid pointer: 0x… ***'. A death by SIGABRT (abort() follows). Only at the line's start (quotes of a paste aside), so a sentence that mentions a double free is not a death. The needles are what the commonest checks share ('ouble free', 'd pointer') and the older wrappers: every needle adds a fingerprint to the unstructured gate's plan (Text/BucketPlanner), and the checks' own first words ('free(): ', 'malloc(): ') cost the gate 7 % more instructions (callgrind, 16 MiB seed log), their '(): ' family still 3 % (seed) and 7 % (mixed). These keep the gate's candidate windows and head compares at or below main's on both benchmark logs (counted on the real tables). The trade-off: the rarer checks ('malloc(): corrupted top size', 'corrupted size vs. prev_size', 'free(): invalid next size', 2.37's 'Fatal glibc error: …') are read only with a shell's 'Aborted' after them",
        Match);

    private static MarkerHit? Match(LineMarker marker, ReadOnlySpan<char> line)
    {
        var text = line.Trim("\"'`");
        foreach (var wrapper in s_wrappers)
        {
            if (!text.StartsWith(wrapper, StringComparison.Ordinal)) continue;
            // "*** Error in `python': <check>…": the program's name, then the check.
            var named = text[wrapper.Length..];
            var end = named.IndexOf(": ", StringComparison.Ordinal);
            if (end < 0) return null;
            text = named[(end + 2)..];
            break;
        }

        return IsCheck(text) ? new MarkerHit(marker, MarkerKind.Death, "SIGABRT") : null;
    }

    /// <summary>The line starts with a check's words: a bare check, <c>function(): what</c>, or 2.37's fatal error with
    /// its assertion.</summary>
    private static bool IsCheck(ReadOnlySpan<char> text)
    {
        foreach (var check in s_bareChecks)
        {
            if (text.StartsWith(check, StringComparison.Ordinal)) return true;
        }

        if (text.StartsWith(FatalPrefix, StringComparison.Ordinal))
            return text[FatalPrefix.Length..].Contains(AssertionNeedle, StringComparison.Ordinal);

        var separator = text.IndexOf(FunctionSeparator, StringComparison.Ordinal);
        if (separator <= 0 || !IsFunction(text[..separator])) return false;
        var what = text[(separator + FunctionSeparator.Length)..];
        foreach (var word in s_checkWords)
        {
            if (what.StartsWith(word, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private static bool IsFunction(ReadOnlySpan<char> name)
    {
        foreach (var function in s_functions)
        {
            if (name.SequenceEqual(function)) return true;
        }

        return false;
    }
}
