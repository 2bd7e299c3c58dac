using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// The lines of a traceback as IPython/Jupyter prints it (IPython's ultratb, Colab notebooks):
/// <code>
/// InvalidArgumentError                      Traceback (most recent call last)
/// &lt;ipython-input-16-f5935cc41c39&gt; in &lt;module&gt;()          (IPython 7: "file in function(args)")
/// ----&gt; 3 model.fit(data_gen, epochs=100)
/// File ~/trainer/train.py:203, in train(opt, amp)          (IPython 8: "File path:line, in function(args)")
/// Cell In[4], line 2                                        (a notebook cell)
///     201     scaler.update()
/// --&gt; 203     image_tensors, labels = train_dataset.get_batch()
/// </code>
/// </summary>
internal static class IPythonFrameLine
{
    public const string Header = "Traceback (most recent call last)";

    /// <summary>The name CPython gives a module's code (<c>co_name</c>), which IPython 8 does not print.</summary>
    private const string ModuleFunction = "<module>";

    /// <summary>The header line: the exception's type, a run of spaces, then the title without CPython's colon.</summary>
    public static bool IsHeader(ReadOnlySpan<char> trimmed) => HeaderType(trimmed) is not null;

    /// <summary>The type a header line names, or null when the line is no header. IPython pads the type to a column, so
    /// two spaces or more follow it; a paste that collapsed the run of spaces leaves one, and then only a name that
    /// reads as an exception class (<c>RuntimeError Traceback (most recent call last)</c>) is taken, not prose.</summary>
    /// <para>A paste that lost the padding altogether glues the name to the header
    /// (<c>NanLossDuringTrainingErrorTraceback (most recent call last)</c>), and a paste into Markdown may quote the name
    /// (<c>`MemoryError`                               Traceback …</c>): both are taken for a name that reads as an
    /// exception class.</para>
    public static string? HeaderType(ReadOnlySpan<char> trimmed)
    {
        if (!trimmed.EndsWith(Header, StringComparison.Ordinal)) return null;
        var type = trimmed[..^Header.Length];
        var padded = type.EndsWith(" ", StringComparison.Ordinal);
        var quoted = type.TrimEnd();
        var name = quoted.Trim('`');
        if (name.IsEmpty || name.Contains(' ') || !ExceptionLine.TryParse(name, out _, out _)) return null;
        if ((!padded || name.Length != quoted.Length || !type.EndsWith("  ", StringComparison.Ordinal)) && !NamesExceptionClass(name)) return null;
        return name.ToString();
    }

    /// <summary>Builtin and library exception classes end so (<c>KeyboardInterrupt</c> and <c>SystemExit</c> aside).</summary>
    private static bool NamesExceptionClass(ReadOnlySpan<char> name) =>
        name.EndsWith("Error", StringComparison.Ordinal) || name.EndsWith("Exception", StringComparison.Ordinal)
        || name.EndsWith("Warning", StringComparison.Ordinal);

    /// <summary>A frame header at column 0, or null.</summary>
    public static TracebackFrame? ParseFrame(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || line[0] == ' ') return null;
        line = line.TrimEnd();
        if (line.StartsWith("Cell In[", StringComparison.Ordinal) || line.StartsWith("Input In [", StringComparison.Ordinal))
            return Cell(line);
        if (line.StartsWith("File ", StringComparison.Ordinal))
        {
            // IPython 8: "File ~/path/train.py:203, in train(opt, amp)"; a module's code without the function
            // ("File ~/envs/x/site-packages/unsloth/tokenizer_utils.py:1061": ultratb leaves the call out for <module>).
            var at = line.IndexOf(", in ", StringComparison.Ordinal);
            var location = at < 0 ? line[5..] : line[5..at];
            var colon = location.LastIndexOf(':');
            if (colon <= 0 || location[(colon + 1)..].ContainsAnyExceptInRange('0', '9') || !int.TryParse(location[(colon + 1)..], out var n)) return null;
            // Without the call only a source file's path: "File size:1024" is no frame.
            if (at < 0 && !LooksLikePath(location[..colon])) return null;
            return new TracebackFrame { File = location[..colon].ToString(), Line = n, Function = at < 0 ? ModuleFunction : FunctionName(line[(at + 5)..]) };
        }

        // IPython 7: "/usr/lib/python3.7/site-packages/x.py in quick_execute(op_name, ctx)"; a module's code prints no
        // argument list in IPython 7.x ("<ipython-input-2-279c…> in <module>").
        var inAt = line.IndexOf(" in ", StringComparison.Ordinal);
        if (inAt <= 0 || !(line[^1] == ')' || line.EndsWith(" in <module>", StringComparison.Ordinal))) return null;
        var file = Unlinked(line[..inAt]);
        if (file.Contains(' ') && !file.StartsWith("<", StringComparison.Ordinal) && !LooksLikePath(file)) return null;
        return new TracebackFrame { File = file.ToString(), Line = null, Function = FunctionName(line[(inAt + 4)..], qualified: file.EndsWith(".pyx", StringComparison.Ordinal)) };
    }

    /// <summary>A source line, <c>     58     ctx.ensure_initialized()</c>, or the failing one <c>---&gt; 60   inputs)</c>.</summary>
    /// <para>A paste that lost the indentation leaves <c>550 self.checkpoint_connector.resume_start()</c> at column 0: taken
    /// when <paramref name="unindented"/> (under a frame, where nothing else starts with a digit).</para>
    public static bool IsCode(ReadOnlySpan<char> line, out bool current, out int number, out ReadOnlySpan<char> code, bool unindented = false)
    {
        current = false;
        number = 0;
        code = default;
        var s = line.TrimStart(' ');
        if (s.StartsWith("-", StringComparison.Ordinal))
        {
            var arrow = s.IndexOf('>');
            if (arrow < 0 || s[..arrow].ContainsAnyExcept('-')) return false;
            current = true;
            s = s[(arrow + 1)..].TrimStart(' ');
        }
        else if (s.Length == line.Length && !unindented)
        {
            return false;
        }

        // IPython 8.x may print the numbers in brackets: "--> [336]  return func(*args, **kwargs)".
        var bracketed = s.StartsWith("[", StringComparison.Ordinal);
        if (bracketed) s = s[1..];
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits])) digits++;
        if (digits == 0 || digits > 9) return false;
        number = int.Parse(s[..digits], provider: null);
        if (bracketed)
        {
            if (digits == s.Length || s[digits] != ']') return false;
            code = s[(digits + 1)..].Trim();
            return true;
        }

        if (digits < s.Length && s[digits] != ' ') return false;
        code = s[digits..].Trim();
        return true;
    }

    /// <summary>IPython 8 hides frames marked <c>__tracebackhide__</c> and says so: <c>[... skipping hidden 1 frame]</c>.</summary>
    public static bool IsHiddenFrames(ReadOnlySpan<char> trimmed) => trimmed.StartsWith("[... skipping hidden ", StringComparison.Ordinal);

    /// <summary>Colab folds library frames: <c>11 frames</c>.</summary>
    public static bool IsFoldedFrames(ReadOnlySpan<char> trimmed)
    {
        if (!trimmed.EndsWith(" frames", StringComparison.Ordinal)) return false;
        var count = trimmed[..^7];
        return !count.IsEmpty && !count.ContainsAnyExceptInRange('0', '9');
    }

    private static TracebackFrame? Cell(ReadOnlySpan<char> line)
    {
        // "Cell In[4], line 2" / "Input In [25], in <cell line: 1>()"; a function defined in a cell:
        // "Cell In[3], line 92, in inference(frames, query_points)".
        var comma = line.IndexOf(", ", StringComparison.Ordinal);
        if (comma < 0) return null;
        var rest = line[(comma + 2)..];
        if (rest.StartsWith("line ", StringComparison.Ordinal))
        {
            var number = rest[5..];
            var inAt = number.IndexOf(", in ", StringComparison.Ordinal);
            var function = inAt < 0 ? "<module>" : FunctionName(number[(inAt + 5)..]);
            if (inAt >= 0) number = number[..inAt];
            return int.TryParse(number, out var n) && function.Length > 0
                ? new TracebackFrame { File = line[..comma].ToString(), Line = n, Function = function }
                : null;
        }

        if (rest.StartsWith("in ", StringComparison.Ordinal))
            return new TracebackFrame { File = line[..comma].ToString(), Line = null, Function = FunctionName(rest[3..]) };
        return null;
    }

    /// <param name="qualified">A Cython frame (<c>h5py/h5f.pyx in h5py.h5f.open()</c>): Cython names its functions with
    /// their module, and CPython prints that name too (<c>File "h5py/h5f.pyx", line 96, in h5py.h5f.open</c>).</param>
    private static string FunctionName(ReadOnlySpan<char> call, bool qualified = false)
    {
        // "<module>()", "train(opt, amp)", "<cell line: 1>()": the name is everything before the argument list.
        var paren = call.EndsWith("()", StringComparison.Ordinal) ? call.Length - 2 : call.IndexOf('(');
        if (call.StartsWith("<", StringComparison.Ordinal))
        {
            var close = call.IndexOf('>');
            if (close > 0) paren = close + 1;
        }

        var name = (paren > 0 ? call[..paren] : call).Trim();
        // IPython 8 prints the qualified name ("Trainer.evaluate"); CPython prints the function's own name, which is
        // what frame rules and readers compare.
        var dot = qualified ? -1 : name.LastIndexOf('.');
        return (dot >= 0 && !name.StartsWith("<", StringComparison.Ordinal) ? name[(dot + 1)..] : name).ToString();
    }

    /// <summary>Colab prints each frame's file as a Markdown link to its viewer: <c>[/content/x.py](https://localhost:8080/#)</c>;
    /// the file is the link's text.</summary>
    private static ReadOnlySpan<char> Unlinked(ReadOnlySpan<char> file)
    {
        if (file.IsEmpty || file[0] != '[' || file[^1] != ')') return file;
        var close = file.IndexOf("](", StringComparison.Ordinal);
        return close > 1 ? file[1..close] : file;
    }

    private static bool LooksLikePath(ReadOnlySpan<char> file) =>
        file.EndsWith(".py", StringComparison.Ordinal) || file.EndsWith(".pyx", StringComparison.Ordinal);
}
