using ErrorTrace.Core.Classification;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// The rules for failures a log shows only in lines (<see cref="SilentFailureLineTests"/>): Ascend's runtime timeouts, a
/// second OpenMP runtime, tcmalloc's gigabyte allocation in a log with no failure, LLaVA's conversation template mismatch.
/// </summary>
internal static class SilentFailureLineCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("hccl-getting-socket-times-out", Clean(
            "EI0006: 2025-04-05-06:07:08.090.100 Getting socket times out. Reason: Remote Rank did not send the data in time. Please check the reason for the rank being stuck"),
            C.Timeout, "timeout-accelerator-runtime", "medium");
        yield return new("openmp-runtime-loaded-twice", Clean(
            "OMP: Error #15: Initializing libiomp5.so, but found libiomp5.so already initialized."),
            C.DependencyError, "dependency-duplicate-native-runtime", "medium");
        yield return new("colab-kernel-restarter-then-nothing", Clean(
            "Sep 6, 2020, 6:25:50 PM | WARNING | huggingface/tokenizers: The current process just got forked",
            "Sep 6, 2020, 6:25:52 PM | INFO | KernelRestarter: restarting kernel (1/5), keep random ports"),
            C.HostOom, "host-oom-notebook-kernel-died", "medium");
        yield return new("tcmalloc-gigabytes-then-nothing", Clean(
            "loading 80M rows into a DataFrame",
            "tcmalloc: large alloc 32212254720 bytes == 0x7f0000000000 @  0x7f1b2 0x7f1b3"),
            C.HostOom, "host-oom-tcmalloc-large-alloc", "medium");
        yield return new("llava-template-tokenization-mismatch", Clean(
            "WARNING: tokenization mismatch: 87 vs. 91. (ignored)",
            "WARNING: tokenization mismatch: 140 vs. 144. (ignored)"),
            C.ConfigError, "config-conversation-template-mismatch", "medium");
    }

    private static ClassificationInput Clean(params string[] lines) =>
        new(null, [], [], null) { Context = [.. lines.Select((l, i) => new ContextLine(100 + i, l))] };
}
