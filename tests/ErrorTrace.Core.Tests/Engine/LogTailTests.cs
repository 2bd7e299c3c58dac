using System.Text;
using ErrorTrace.Core.Analysis;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>The log's last lines for the classifier: numbered as the report numbers lines, envelopes removed, the same
/// however the bytes were chunked.</summary>
public sealed class LogTailTests
{
    [Fact]
    public void Lines_are_numbered_cleaned_and_blank_ones_dropped()
    {
        var tail = new LogTail();
        tail.Append(Encoding.UTF8.GetBytes("first\n[rank1]: \u001b[31mEpoch 3:  45%|####5     | 9/20\u001b[0m\n\n  \nlast without newline"));

        var lines = tail.Lines(lastLineNumber: 5);

        Assert.Equal([(1L, "first"), (2L, "Epoch 3:  45%|####5     | 9/20"), (5L, "last without newline")], lines.Select(l => (l.Line, l.Text)));
    }

    [Fact]
    public void A_redrawn_bar_reads_as_its_last_frame()
    {
        var tail = new LogTail();
        tail.Append(Encoding.UTF8.GetBytes(" 10%|#    | 1/10\r 20%|##   | 2/10\r 30%|###  | 3/10\nKilled\n"));

        Assert.Equal([(1L, " 30%|###  | 3/10"), (2L, "Killed")], tail.Lines(2).Select(l => (l.Line, l.Text)));
    }

    [Fact]
    public void Only_the_last_bytes_are_kept_and_the_cut_line_is_dropped()
    {
        var log = string.Concat(Enumerable.Range(1, 5000).Select(i => $"line {i} of a long log\n"));
        var bytes = Encoding.UTF8.GetBytes(log);
        var whole = new LogTail();
        whole.Append(bytes);
        var chunked = new LogTail();
        for (var i = 0; i < bytes.Length; i += 777) chunked.Append(bytes.AsSpan(i, Math.Min(777, bytes.Length - i)));

        var lines = whole.Lines(5000);

        Assert.Equal(LogTail.MaxLines, lines.Count);
        Assert.Equal((5000L, "line 5000 of a long log"), (lines[^1].Line, lines[^1].Text));
        Assert.Equal($"line {lines[0].Line} of a long log", lines[0].Text);
        Assert.Equal(lines, chunked.Lines(5000));
    }

    [Fact]
    public void The_report_hands_the_lines_before_the_death_to_the_classifier()
    {
        var report = Analyze.Text("""
            Validation DataLoader 0:   3%|3         | 1/32 [00:01<00:46,  1.50s/it]
            Traceback (most recent call last):
              File "/home/u/train.py", line 9, in <module>
                run()
            RuntimeError: CUDA error: out of memory
            """);

        Assert.Equal(("oom_eval", "evaluation"), (report.Analysis!.ErrorType, report.Analysis.ErrorPhase));
    }
}
