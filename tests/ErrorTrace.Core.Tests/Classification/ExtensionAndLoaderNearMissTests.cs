using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the wordings of <see cref="ExtensionAndLoaderCases"/> must not take: Windows' paging file too small (the same
/// 'or one of its dependencies' tail under [WinError 1455]), TensorFlow's CPU-start warning about a dynamic library, an
/// operator missing from a registry, a file extension the reader does not know; a command other than a compiler failing
/// in setuptools, a compiler killed for memory, a Makefile target of the run failing, a project's own #error.
/// </summary>
public sealed class ExtensionAndLoaderNearMissTests
{
    [Fact]
    public void A_paging_file_too_small_stays_host_oom() =>
        Assert.Equal(FailureCategory.HostOom, Classify(In(Py("OSError",
            "[WinError 1455] The paging file is too small for this operation to complete. Error loading \"C:\\venv\\Lib\\site-packages\\torch\\lib\\cudnn_cnn_infer64_8.dll\" or one of its dependencies.",
            ["train.py:<module>", "C:\\venv\\Lib\\site-packages\\torch\\__init__.py:<module>"])))?.ErrorType);

    [Theory]
    [InlineData("W tensorflow/stream_executor/platform/default/dso_loader.cc:64] Could not load dynamic library 'libcudart.so.11.0'; dlerror: libcudart.so.11.0: cannot open")]
    [InlineData("KeyError: 'Could not find operator MyConv in the registry'")]
    [InlineData("ValueError: Unable to load files with extension .xyz")]
    public void Other_load_failures_are_not_a_missing_compiled_extension(string line) =>
        Assert.NotEqual("dependency-message", Classify(Context(line))?.RuleId);

    [Theory]
    [InlineData("error: command 'rsync' failed with exit status 23")]
    [InlineData("nvcc error   : 'cicc' died due to signal 9 (Kill signal)")]
    [InlineData("make: *** [Makefile:12: train] Error 1")]
    [InlineData("src/ops.cpp:4:2: error: #error \"unsupported platform\"")]
    public void Other_failed_commands_are_not_a_toolchain_build_failure(string line) =>
        Assert.NotEqual("dependency-extension-build-failed", Classify(Context(line))?.RuleId);

    private static ClassificationInput Context(string line) => new(null, [], [], null) { Context = [new ContextLine(1, line)] };

    private static FailureAnalysis? Classify(ClassificationInput input) => FailureClassifier.Classify(input, RuleSet.Default);
}
