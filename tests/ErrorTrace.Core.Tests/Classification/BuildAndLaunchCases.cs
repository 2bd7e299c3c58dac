using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Failures of the build or the launch command rather than the run: a native binary built for a CPU or a runtime this
/// machine does not have (an instruction set, another libtpu), a script path the interpreter cannot open, arguments
/// argparse rejects with no traceback. Wordings written for these tests in the forms the tools print them, never copied
/// from a corpus log; the near misses are in <see cref="BuildAndLaunchNearMissTests"/>.
/// </summary>
internal static class BuildAndLaunchCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("tf-cpu-feature-guard-abort", In(Signal("SIGABRT",
            "The TensorFlow library was compiled to use AVX512F instructions, but these aren't available on your machine.")),
            C.DependencyError, "dependency-binary-unfit-for-machine", "high", "initialization");
        yield return new("shell-illegal-instruction-death", In(Signal("SIGILL", "Illegal instruction (core dumped)")),
            C.DependencyError, "dependency-binary-unfit-for-machine", "high", "initialization");
        yield return new("launcher-rank-signal-4-line", In(null,
            E(20, "Primary job  terminated normally, but 1 process returned a non-zero exit code. Process rank 3 exited on signal 4 (Illegal instruction).")),
            C.DependencyError, "dependency-binary-unfit-for-machine", "medium", "initialization");
        yield return new("tpu-runtime-symbol-missing", In(Signal("SIGABRT", "TpuExecutor_AllocateStream not available in this library.")),
            C.DependencyError, "dependency-binary-unfit-for-machine", "high", "initialization");
        yield return new("runtime-registered-twice-check", In(Signal("SIGABRT",
            "Check failed: PlatformRegistry::Register(std::move(platform)) is OK (ALREADY_EXISTS: platform TPU already registered)")),
            C.DependencyError, "dependency-binary-unfit-for-machine", "high", "initialization");

        yield return new("interpreter-cannot-open-script", In(null,
            E(1, "/usr/bin/python3: can't open file '/home/u/jobs/run/train_lora.py': [Errno 2] No such file or directory")),
            C.ConfigError, "config-script-not-found", "medium", "initialization");
        yield return new("argparse-invalid-choice-near-death", new ClassificationInput(null, [], [], null)
        {
            Context =
            [
                new ContextLine(1, "usage: finetune.py [-h] [--precision {fp32,bf16}] [--epochs EPOCHS]"),
                new ContextLine(2, "finetune.py: error: argument --precision: invalid choice: 'fp8' (choose from 'fp32', 'bf16')"),
            ],
        }, C.ConfigError, "config-argument-parser", "medium", "initialization");
    }
}
