using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Pastes that cut a chained part's header and first frame line, leaving its source line after the sentence.</summary>
public class ElidedChainPartTests
{
    [Fact]
    public void A_source_line_after_a_chain_sentence_starts_the_next_part()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"/app/load.py\", line 3, in load\n"
            + "json.decoder.JSONDecodeError: Extra data: line 2 column 1 (char 1302)\n"
            + "\n"
            + "During handling of the above exception, another exception occurred:\n"
            + "\n"
            + "    pa_table = paj.read_json(\n"
            + "  File \"pyarrow/_json.pyx\", line 259, in pyarrow._json.read_json\n"
            + "pyarrow.lib.ArrowInvalid: JSON parse error\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("pyarrow.lib.ArrowInvalid", root.ExceptionType);
        Assert.Equal("pyarrow._json.read_json", Assert.Single(root.Frames).Function);
        var first = Assert.Single(root.Chain);
        Assert.Equal(("json.decoder.JSONDecodeError", "context"), (first.ExceptionType, first.Relation));
    }

    [Fact]
    public void Without_a_chain_sentence_an_indented_line_does_not_start_a_part()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"/app/a.py\", line 3, in f\n"
            + "ValueError: v\n"
            + "\n"
            + "    some indented output\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("ValueError", "v"), (root.ExceptionType, root.ExceptionMessage));
        Assert.Empty(root.Chain);
    }
}
