using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>A traceback kept as a JSON string with its newlines escaped (torchelastic's error file as its error handler
/// logs it): read as the lines CPython printed.</summary>
public class JsonEscapedTracebackTests
{
    private const string ErrorFile =
        "ERROR:torch.distributed.elastic.multiprocessing.errors.error_handler:{\n"
        + "  \"message\": {\n"
        + "    \"message\": \"RendezvousConnectionError: The connection to the C10d store has failed.\",\n"
        + "    \"extraInfo\": {\n"
        + "      \"py_callstack\": \"Traceback (most recent call last):\\n  File \\\"/env/lib/python3.8/site-packages/torch/distributed/elastic/rendezvous/c10d_rendezvous_backend.py\\\", line 155, in _create_tcp_store\\n    store = TCPStore(\\nRuntimeError: connect() timed out. Original timeout was 60000 ms.\\n\",\n"
        + "      \"timestamp\": \"1635739210\"\n"
        + "    }\n"
        + "  }\n"
        + "}\n";

    [Fact]
    public void Torchelastics_error_file_callstack_is_a_traceback()
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(ErrorFile).Traceback);

        Assert.Equal(("RuntimeError", "connect() timed out. Original timeout was 60000 ms."), (root.ExceptionType, root.ExceptionMessage));
        Assert.Equal(("/env/lib/python3.8/site-packages/torch/distributed/elastic/rendezvous/c10d_rendezvous_backend.py", "_create_tcp_store"),
            (root.Frames[^1].File, root.Frames[^1].Function));
        Assert.Equal(5L, root.FirstLine);
    }

    [Fact]
    public void A_chain_in_the_string_keeps_its_links()
    {
        var log = "{\"exc_info\": \"Traceback (most recent call last):\\n  File \\\"a.py\\\", line 1, in f\\n    g()\\nKeyError: 'x'\\n\\n"
            + "The above exception was the direct cause of the following exception:\\n\\nTraceback (most recent call last):\\n"
            + "  File \\\"b.py\\\", line 2, in h\\n    f()\\nValueError: bad config\\n\"}\n";

        var root = Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback);

        Assert.Equal("ValueError", root.ExceptionType);
        Assert.Equal(("KeyError", "cause"), (Assert.Single(root.Chain).ExceptionType, root.Chain[0].Relation));
    }

    [Theory]
    [InlineData("{\"note\": \"see Traceback (most recent call last): in the docs\"}\n")]
    [InlineData("{\"note\": \"Traceback (most recent call last):\\n\"}\n")]
    public void A_string_that_only_names_the_header_is_no_traceback(string line)
    {
        Assert.DoesNotContain(Analyze.Text(line).Tracebacks, t => t.Frames.Count > 0 || t.ExceptionType.Length > 0);
    }
}
