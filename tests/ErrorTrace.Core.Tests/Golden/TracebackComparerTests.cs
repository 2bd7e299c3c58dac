using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Golden;

/// <summary>The comparer is the golden tests' judge: it must find real differences and name them precisely.</summary>
public class TracebackComparerTests
{
    private static ExpectedTraceback Expected() => new()
    {
        ExceptionType = "ValueError",
        ExceptionMessage = "bad\nnote",
        Frames = [new ExpectedFrame { File = "/t/a.py", Line = 3, Function = "main", Code = "f()" }],
        Chain = [new ExpectedChainLink { ExceptionType = "KeyError", ExceptionMessage = "'lr'", Relation = "cause" }],
        SubExceptions = [],
        Count = 2,
        Ranks = [0, 1],
    };

    private static TracebackInfo Actual() => new()
    {
        Raw = "",
        Kind = "python",
        ExceptionType = "ValueError",
        ExceptionMessage = "bad\nnote",
        Frames = [new TracebackFrame { File = "/t/a.py", Line = 3, Function = "main", Code = "f()" }],
        Chain = [new ChainLink { ExceptionType = "KeyError", ExceptionMessage = "'lr'", Relation = "cause" }],
        Count = 2,
        Ranks = [0, 1],
    };

    [Fact]
    public void Equal_tracebacks_have_no_difference() => Assert.Null(TracebackComparer.Compare(Expected(), Actual()));

    [Fact]
    public void A_missing_traceback_is_a_difference() =>
        Assert.Equal("traceback", TracebackComparer.Compare(Expected(), null)?.Field);

    [Fact]
    public void Null_code_differs_from_empty_code()
    {
        var actual = Actual() with { Frames = [new TracebackFrame { File = "/t/a.py", Line = 3, Function = "main", Code = null }] };

        var difference = TracebackComparer.Compare(Expected(), actual);

        Assert.Equal("traceback.frames[0].code", difference?.Field);
        Assert.Equal("\"f()\"", difference?.Expected);
        Assert.Equal("null", difference?.Actual);
    }

    [Fact]
    public void Chain_relation_and_length_are_compared()
    {
        var wrongRelation = Actual() with { Chain = [new ChainLink { ExceptionType = "KeyError", ExceptionMessage = "'lr'", Relation = "context" }] };
        Assert.Equal("traceback.chain[0].relation", TracebackComparer.Compare(Expected(), wrongRelation)?.Field);

        Assert.Equal("traceback.chain.length", TracebackComparer.Compare(Expected(), Actual() with { Chain = [] })?.Field);
    }

    [Fact]
    public void Sub_exceptions_are_compared_recursively()
    {
        var expected = Expected() with { SubExceptions = [new ExpectedTraceback { ExceptionType = "OSError", ExceptionMessage = "x" }] };
        var actual = Actual() with { SubExceptions = [Actual() with { ExceptionType = "OSError", ExceptionMessage = "y", Chain = [], Frames = [] }] };

        Assert.Equal("traceback.sub_exceptions[0].exception_message", TracebackComparer.Compare(expected, actual)?.Field);
    }

    [Fact]
    public void Count_and_ranks_are_checked_only_when_expected()
    {
        Assert.Equal("traceback.count", TracebackComparer.Compare(Expected(), Actual() with { Count = 1 })?.Field);
        Assert.Equal("traceback.ranks", TracebackComparer.Compare(Expected(), Actual() with { Ranks = [1] })?.Field);
        Assert.Null(TracebackComparer.Compare(Expected() with { Count = null, Ranks = null }, Actual() with { Count = 7, Ranks = [] }));
    }
}
