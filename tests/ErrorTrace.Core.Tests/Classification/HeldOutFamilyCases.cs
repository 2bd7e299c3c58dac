using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// The families written from the held-out batches' misses (i1-i3): an argument parser with subcommands, a framework
/// refusing bf16, a native library of another version than the build, an optional package's name left unbound, a
/// package's own code that does not parse. Wordings from other programs and releases than the corpus logs.
/// </summary>
internal static class HeldOutFamilyCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("argparse-subcommand-invalid-choice-in-backticks", new ClassificationInput(null, [], [], null)
        {
            Context =
            [
                new ContextLine(1, "usage: main.py [-h] [-c CONFIG] {fit,validate,test,predict} ..."),
                new ContextLine(2, "`main.py fit: error: argument {fit,validate,test,predict}: invalid choice: 'fitt' (choose from 'fit', 'validate', 'test', 'predict')`"),
            ],
        }, C.ConfigError, "config-argument-parser", "medium", "initialization");
        yield return new("bf16-refused-by-training-arguments-line", new ClassificationInput(null, [], [], null)
        {
            Context = [new ContextLine(3, "RuntimeError: bfloat16 requires a GPU with compute capability >= 8.0, but cuda:0 (Tesla V100-SXM2-32GB) has 7.0")],
        }, C.ConfigError, "config-bf16-refused", "medium", "initialization");
        yield return new("cudnn-runtime-older-than-build-line", In(null,
            E(7, "2019-03-02 11:12:13.000000: E tensorflow/stream_executor/cuda/cuda_dnn.cc:343] Loaded runtime CuDNN library: 7.1.4 but source was compiled with: 7.4.1.  CuDNN library major and minor version needs to match or have higher minor version in case of CuDNN 7.0 or later version.")),
            C.DependencyError, "dependency-runtime-library-version-mismatch", "medium", "initialization");
        yield return new("xformers-name-unbound-in-project-attention", In(Py("NameError", "name 'xformers' is not defined",
            ["train.py:main", "/home/u/proj/models/attention.py:forward"])),
            C.DependencyError, "dependency-nameerror-names-an-optional-package", "high", "initialization");
        yield return new("package-source-does-not-parse-on-this-python", In(Py("SyntaxError", "invalid syntax",
            ["train.py:<module>", Sp + "fancylib/__init__.py:<module>", Sp + "fancylib/patterns.py:"])),
            C.DependencyError, "dependency-syntax-error-in-package-code", "high", "initialization");
        yield return new("audio-decoder-cannot-read-a-clip", In(Py("soundfile.LibsndfileError", "Error opening 'corpus/clips/0007.flac': Format not recognised.",
            ["prepare.py:main", Sp + "librosa/core/audio.py:load", Sp + "soundfile.py:_open"])),
            C.DataError, "data-corrupt-input", "high", "data_loading");
    }
}
