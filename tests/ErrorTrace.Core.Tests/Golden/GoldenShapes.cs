namespace ErrorTrace.Core.Tests.Golden;

/// <summary>The log shapes scripts/golden/generate.py produces; the corpus must cover each of them.</summary>
public static class GoldenShapes
{
    public static IReadOnlyList<string> All { get; } =
    [
        "a_raw", "b_seed", "c_logger_exception", "d_logging_default", "e_rank_prefix",
        "f_multi_rank", "g_crlf", "h_ansi", "i_cri", "j_tqdm",
    ];
}
