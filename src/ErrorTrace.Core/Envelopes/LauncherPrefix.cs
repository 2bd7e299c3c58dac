using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace ErrorTrace.Core.Envelopes;

/// <summary>
/// Per-line prefixes that launchers add when they merge many processes' output, in the order they are tried.
/// Each is stripped exactly, because what follows must keep its own indentation (a traceback frame's two spaces).
/// </summary>
internal static class LauncherPrefix
{
    /// <summary>Prefixes stacked on one line (<c>worker-1: [rank9]: </c> is two).</summary>
    private const int MaxStacked = 4;

    private const int MaxHostLength = 63;
    private const int MaxRankDigits = 6;

    /// <summary>Ray's label is an actor or task name, a pid and an IP address; longer is not a label.</summary>
    private const int MaxRayLabel = 128;

    /// <summary>Strips every recognised prefix. Rank and host keep the last seen (innermost) values; -1 / empty when absent.
    /// Inlined into the caller: most lines are turned away by their first bytes without a call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Strip(ReadOnlySpan<byte> line, scoped ref int rank, out ReadOnlySpan<byte> host)
    {
        host = default;
        return CannotStartPrefix(line) ? line : StripPrefixes(line, ref rank, out host);
    }

    /// <summary>True when no prefix can start the line: its first byte is none of '[', '(', a digit or a lower-case
    /// letter, or it starts like a record's timestamp (<c>[2025-</c>: an MPI tag's job id is followed by a comma); a
    /// capital starts one only when a tag's '[' follows a date's 24 characters (<see cref="TryTaggedDate"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CannotStartPrefix(ReadOnlySpan<byte> line)
    {
        if (line.Length < 2) return true;
        var first = line[0];
        if (first == (byte)'[') return LooksLikeTimestamp(line);
        if ((uint)(first - 'A') <= 'Z' - 'A') return !(line.Length > DateLength + 1 && line[DateLength] == (byte)'[');
        return !((uint)(first - 'a') <= 'z' - 'a' || (uint)(first - '0') <= 9u || first == (byte)'(');
    }

    /// <summary><c>stderr: </c>.</summary>
    private const int StreamLabelLength = 8;

    /// <summary>ctime()'s date, <c>Thu Aug 29 16:41:02 2019</c> (the day padded with a space): Open MPI's
    /// <c>--timestamp-output</c> puts it before its <c>--tag-output</c> tag, and horovodrun before its own.</summary>
    private const int DateLength = 24;

    /// <summary><c>Mon Oct  9 16:22:00 2023[1,0]&lt;stdout&gt;:</c>: the date, then the tag (which the next step reads).</summary>
    private static bool TryTaggedDate(ReadOnlySpan<byte> s, out int length)
    {
        length = 0;
        if (s.Length <= DateLength + 1 || s[DateLength] != (byte)'[' || !char.IsAsciiDigit((char)s[DateLength + 1])) return false;
        if (s[3] != (byte)' ' || s[7] != (byte)' ' || s[10] != (byte)' ' || s[13] != (byte)':' || s[16] != (byte)':' || s[19] != (byte)' ') return false;
        if (!char.IsAsciiLetterUpper((char)s[4]) || !char.IsAsciiDigit((char)s[9]) || !char.IsAsciiDigit((char)s[23])) return false;
        length = DateLength;
        return true;
    }

    /// <summary><c>[2025-</c>: a record's timestamp, never an MPI tag (whose job id is followed by a comma). Tested
    /// before the call, since every rank-prefixed record reaches it after its prefix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool LooksLikeTimestamp(ReadOnlySpan<byte> line) =>
        line.Length > 5 && line[5] == (byte)'-' && char.IsAsciiDigit((char)line[1]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<byte> StripPrefixes(ReadOnlySpan<byte> line, scoped ref int rank, out ReadOnlySpan<byte> host)
    {
        host = default;
        for (var n = 0; n < MaxStacked && !line.IsEmpty; n++)
        {
            // Dispatch on the first byte: most lines start with none of '[', a digit or a lower-case letter.
            var first = line[0];
            int length;
            if (first == (byte)'[')
            {
                // The second byte tells the two apart ("[rank3]:" a letter, "[1,3]<stderr>:" a digit), and rules out
                // most bracketed lines (a timestamp's "[2025-…" reaches TryMpiTag only to fail at its '-').
                if (line.Length < 2) break;
                var second = line[1];
                if (char.IsAsciiLetter((char)second))
                {
                    if (!TryBracketRank(line, ref rank, out length)) break;
                }
                else if (!char.IsAsciiDigit((char)second) || LooksLikeTimestamp(line) || !TryMpiTag(line, ref rank, out length))
                {
                    break;
                }
            }
            else if ((uint)(first - '0') <= 9u && TrySrunLabel(line, ref rank, out length))
            {
            }
            else if (((uint)(first - 'a') <= 'z' - 'a' || (uint)(first - '0') <= 9u) && TryHost(line, out length))
            {
                host = line[..(length - 2)].TrimEnd((byte)' ');
            }
            else if (first == (byte)'s' && (line.StartsWith("stderr: "u8) || line.StartsWith("stdout: "u8)))
            {
                // Hugging Face's test harness (accelerate's and transformers' execute_subprocess_async) labels each line
                // of the child's output with its stream.
                length = StreamLabelLength;
            }
            else if ((uint)(first - 'A') <= 'Z' - 'A' && TryTaggedDate(line, out length))
            {
            }
            else if (first == (byte)'(' && TryRayProcess(line, out length))
            {
                host = line[1..(length - 2)];
            }
            else
            {
                break;
            }

            line = line[length..];
        }

        return line;
    }

    /// <summary><c>[rank3]: </c> (PyTorch's rank-prefixed output, one space after) and <c>[default0]:</c> (torchrun
    /// <c>--tee</c>: <c>[{role}{local_rank}]:</c>, no space). At least one letter, so torchelastic's <c>[0]:</c> table
    /// line is left alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryBracketRank(ReadOnlySpan<byte> s, ref int rank, out int length)
    {
        length = 0;
        if (s.Length < 5 || s[0] != (byte)'[' || !char.IsAsciiLetter((char)s[1])) return false;
        // "[rankN]: " with one digit, as most lines of a one-node job are: the first eight bytes are that prefix.
        if (s.Length > 8 && (BinaryPrimitives.ReadUInt64LittleEndian(s) & RankOneDigitMask) == RankOneDigit
            && char.IsAsciiDigit((char)s[5]) && s[8] == (byte)' ')
        {
            rank = s[5] - '0';
            length = 9;
            return true;
        }

        // PyTorch's own "[rank3]: " (the common one): its letters are known, so start at the digits.
        var i = s.StartsWith("[rank"u8) ? 5 : 1;
        while (i < s.Length && i < 24 && (char.IsAsciiLetter((char)s[i]) || s[i] == (byte)'_')) i++;
        var digitsStart = i;
        while (i < s.Length && char.IsAsciiDigit((char)s[i])) i++;
        var digits = i - digitsStart;
        if (digits == 0 || digits > MaxRankDigits || i + 1 >= s.Length || s[i] != (byte)']' || s[i + 1] != (byte)':') return false;
        rank = ParseDigits(s.Slice(digitsStart, digits));
        length = i + 2;
        var isTorchRank = digitsStart == 5 && s[1] == (byte)'r' && s[2] == (byte)'a' && s[3] == (byte)'n' && s[4] == (byte)'k';
        if (isTorchRank && length < s.Length && s[length] == (byte)' ') length++;
        return true;
    }

    /// <summary><c>[rank?]:</c> as a little-endian integer, and the mask that ignores the digit's byte.</summary>
    private const ulong RankOneDigit = 0x3A5D006B6E61725B;

    private const ulong RankOneDigitMask = 0xFFFF00FFFFFFFFFF;

    /// <summary>Open MPI <c>--tag-output</c>: <c>[1,3]&lt;stderr&gt;:</c> — job id, rank, stream; horovodrun's own
    /// launcher (Gloo) prints the rank alone, <c>[3]&lt;stderr&gt;:</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryMpiTag(ReadOnlySpan<byte> s, ref int rank, out int length)
    {
        length = 0;
        if (s.Length < 8 || s[0] != (byte)'[' || !char.IsAsciiDigit((char)s[1])) return false;
        // The job id's digits, then a comma: a timestamp's "[2025-…" fails at its '-' without a search for ']'.
        var comma = 2;
        while (comma < s.Length && comma <= MaxRankDigits && char.IsAsciiDigit((char)s[comma])) comma++;
        if (comma < s.Length && s[comma] == (byte)']') return TryStreamTag(s, comma, ref rank, out length);
        if (comma >= s.Length || s[comma] != (byte)',') return false;
        var close = s[..Math.Min(s.Length, 24)].IndexOf((byte)']');
        if (close <= comma || !AllDigits(s[(comma + 1)..close])) return false;
        var rest = s[(close + 1)..];
        int tag;
        if (rest.StartsWith("<stderr>:"u8) || rest.StartsWith("<stdout>:"u8)) tag = 9;
        else if (rest.StartsWith("<stddiag>:"u8)) tag = 10;
        else return false;
        rank = ParseDigits(s[(comma + 1)..close]);
        length = close + 1 + tag;
        return true;
    }

    /// <summary>horovodrun's <c>[3]&lt;stderr&gt;:</c>: the rank's digits end at <paramref name="close"/>.</summary>
    private static bool TryStreamTag(ReadOnlySpan<byte> s, int close, ref int rank, out int length)
    {
        length = 0;
        var rest = s[(close + 1)..];
        if (!rest.StartsWith("<stderr>:"u8) && !rest.StartsWith("<stdout>:"u8)) return false;
        rank = ParseDigits(s[1..close]);
        length = close + 1 + 9;
        return true;
    }

    /// <summary>Slurm <c>srun --label</c>: <c>3: </c> (the task id), at column 0 only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TrySrunLabel(ReadOnlySpan<byte> s, ref int rank, out int length)
    {
        length = 0;
        var i = 0;
        while (i < s.Length && i <= MaxRankDigits && char.IsAsciiDigit((char)s[i])) i++;
        if (i == 0 || i > MaxRankDigits || i + 1 >= s.Length || s[i] != (byte)':' || s[i + 1] != (byte)' ') return false;
        rank = ParseDigits(s[..i]);
        length = i + 2;
        return true;
    }

    /// <summary>
    /// <c>worker-1: </c> as pdsh (DeepSpeed's multi-node launcher) prints. A host is lower-case letters, digits, <c>.-_</c>,
    /// with at least one digit: cluster hosts are numbered, while words that start messages (<c>srun: error:</c>,
    /// <c>slurmstepd:</c>) are not. A name ending in <c>.error</c> is an exception type, not a host: OpenCV's
    /// <c>cv2.error: …</c> (a module with a digit and a lower-case class) is the exception line of a traceback. The trade-off: a lower-case token with a digit and ": " at column 0 of program output
    /// (<c>epoch1: …</c>) is taken as a host; that only moves the line to its own stream.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryHost(ReadOnlySpan<byte> s, out int length)
    {
        length = 0;
        if (s.IsEmpty || !(char.IsAsciiLetterLower((char)s[0]) || char.IsAsciiDigit((char)s[0]))) return false;
        var i = 0;
        var digits = false;
        var letters = false;
        while (i < s.Length && i <= MaxHostLength)
        {
            var c = (char)s[i];
            if (char.IsAsciiDigit(c)) digits = true;
            else if (char.IsAsciiLetterLower(c)) letters = true;
            else if (c is not ('.' or '-' or '_')) break;
            i++;
        }

        if (!digits || i < 2 || i > MaxHostLength || i + 1 >= s.Length) return false;
        if (s[i] == (byte)' ') return TryComposeService(s, i, out length);
        if (s[i] != (byte)':' || s[i + 1] != (byte)' ') return false;
        if (!letters && s[..i].IndexOf((byte)'.') < 0) return false;
        if (s[..i].EndsWith(".error"u8)) return false;
        length = i + 2;
        return true;
    }

    /// <summary>The widest padding Docker Compose puts between a container's name and its bar: it pads every name to the
    /// longest one's width, and names of a project's containers are seldom more than this apart.</summary>
    private const int MaxComposePadding = 40;

    /// <summary>
    /// Docker Compose's <c>logs</c> / <c>up</c> output: <c>vllm_1   | message</c> (v1: <c>{service}_{n}</c>),
    /// <c>project-vllm-1  | message</c> (v2: <c>{project}-{service}-{n}</c>): the container's name, padded with spaces to
    /// the longest name, a bar and a space (or nothing, for an empty line). The name ends in the replica's number, which
    /// <see cref="TryHost"/> already asked for. The container is the stream's host. <paramref name="nameEnd"/> is where
    /// the name's padding starts.
    /// </summary>
    private static bool TryComposeService(ReadOnlySpan<byte> s, int nameEnd, out int length)
    {
        length = 0;
        if (!char.IsAsciiDigit((char)s[nameEnd - 1])) return false;
        var bar = nameEnd;
        while (bar < s.Length && bar - nameEnd <= MaxComposePadding && s[bar] == (byte)' ') bar++;
        if (bar >= s.Length || s[bar] != (byte)'|' || (bar + 1 < s.Length && s[bar + 1] != (byte)' ')) return false;
        length = Math.Min(bar + 2, s.Length);
        return true;
    }

    /// <summary>
    /// Ray forwards every line a worker process prints to the driver's output under the process's label:
    /// <c>(RayTrainWorker pid=2345, ip=10.0.0.3) message</c>, <c>(pid=2345) message</c>
    /// (<c>ray/_private/worker.py</c>, <c>print_worker_logs</c>). The label names one process, so it is the stream's
    /// host; Ray prints no rank. A name, then <c>pid=</c> digits, then optionally <c>, ip=…</c>, then <c>) </c>.
    /// </summary>
    private static bool TryRayProcess(ReadOnlySpan<byte> s, out int length)
    {
        length = 0;
        var close = s[..Math.Min(s.Length, MaxRayLabel)].IndexOf((byte)')');
        if (close < 6 || close + 1 >= s.Length || s[close + 1] != (byte)' ') return false;
        var label = s[1..close];
        var pid = label.IndexOf("pid="u8);
        if (pid < 0 || (pid > 0 && label[pid - 1] != (byte)' ')) return false;
        for (var i = 0; i < pid - 1; i++)
        {
            var c = (char)label[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or ':' or '-')) return false;
        }

        var end = pid + 4;
        while (end < label.Length && char.IsAsciiDigit((char)label[end])) end++;
        if (end == pid + 4 || (end < label.Length && !label[end..].StartsWith(", ip="u8))) return false;
        length = close + 2;
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty || s.Length > MaxRankDigits) return false;
        foreach (var b in s)
        {
            if (!char.IsAsciiDigit((char)b)) return false;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ParseDigits(ReadOnlySpan<byte> s)
    {
        var value = 0;
        foreach (var b in s) value = (value * 10) + (b - '0');
        return value;
    }
}
