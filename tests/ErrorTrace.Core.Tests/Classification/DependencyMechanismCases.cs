using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Dependency mechanisms read from the words of the runtime, the compiler or the interpreter rather than from an
/// exception's type: a runtime library that cannot be loaded or started, a header a build step cannot find, syntax newer
/// than the interpreter, a backend adapter's unbound name, transformers' staging rename racing between processes.
/// Wordings of other programs and releases than the corpus logs they were written from.
/// </summary>
internal static class DependencyMechanismCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("rccl-library-not-loadable-line", Context("E0402 10:11:12.000 pjrt_stream_executor_client.cc:2985] Execution of replica 0 failed: INTERNAL: RCCL operation failed: Unable to load RCCL library."),
            C.DependencyError, "dependency-native-library-unloadable", "medium", "initialization");
        yield return new("tf2-cudnn-handle-not-created", In(Py("tensorflow.python.framework.errors_impl.UnknownError",
            "Failed to get convolution algorithm. This is probably because cuDNN failed to initialize, so try looking to see if a warning log message was printed above.",
            ["train.py:<module>", Sp + "tensorflow/python/eager/execute.py:quick_execute"]),
            E(40, "2021-03-01 12:00:00.000000: E tensorflow/stream_executor/cuda/cuda_dnn.cc:336] Could not create cudnn handle: CUDNN_STATUS_NOT_INITIALIZED")),
            C.DependencyError, "dependency-native-library-unloadable", "medium", "initialization");
        yield return new("inductor-launcher-python-header-missing", In(Py("torch._dynamo.exc.BackendCompilerFailed",
            "backend='inductor' raised:\nCalledProcessError: Command '['/usr/bin/gcc', '/tmp/tmpq2/main.c', '-O3', '-shared']' returned non-zero exit status 1.",
            ["train.py:<module>", Sp + "torch/_dynamo/eval_frame.py:_fn"]),
            E(20, "/tmp/tmpq2/main.c:4:10: fatal error: Python.h: No such file or directory")),
            C.DependencyError, "dependency-build-cannot-find-header", "medium", "initialization");
        yield return new("clang-cuda-header-not-found-line", Context("/tmp/tmpx1/main.c:3:10: fatal error: 'cuda.h' file not found"),
            C.DependencyError, "dependency-build-cannot-find-header", "medium", "initialization");
        yield return new("f-string-on-python-35", In(Py("SyntaxError", "invalid syntax", frames: [],
            line: 3) with
        { Frames = [new() { File = "scripts/finetune.py", Function = "", Line = 88, Code = "print(f\"epoch {epoch}: loss {loss:.4f}\")" }] }),
            C.DependencyError, "dependency-syntax-newer-than-the-interpreter", "high", "initialization");
        yield return new("keyword-after-kwargs-on-python-2", In(Py("SyntaxError", "invalid syntax", frames: [],
            line: 3) with
        { Frames = [new() { File = "tools/train.py", Function = "", Line = 40, Code = "model = build_model(**cfg.model, num_classes=args.num_classes)" }] }),
            C.DependencyError, "dependency-syntax-newer-than-the-interpreter", "high", "initialization");
        yield return new("sglang-adapter-name-unbound", In(Py("NameError", "name 'Engine' is not defined",
            ["/home/u/evalkit/evalkit/__main__.py:main", "/home/u/evalkit/evalkit/models/sglang.py:__init__"])),
            C.DependencyError, "dependency-nameerror-in-a-backend-module", "high", "initialization");
        yield return new("staging-checkpoint-renamed-by-another-rank", In(Py("FileNotFoundError",
            "[Errno 2] No such file or directory: '/ckpt/run3/tmp-checkpoint-500' -> '/ckpt/run3/checkpoint-500'",
            ["train.py:main", Trainer + ":train", Trainer + ":_save_checkpoint"])),
            C.DependencyError, "dependency-trainer-staging-checkpoint-rename-race", "medium", "checkpointing");
    }

    private static ClassificationInput Context(string line) => new(null, [], [], null) { Context = [new ContextLine(1, line)] };
}
