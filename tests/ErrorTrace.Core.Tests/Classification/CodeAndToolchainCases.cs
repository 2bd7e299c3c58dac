using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the user must change, read off mechanisms the rules missed in batches a–m: the job's own code (worker processes
/// started without the main guard, collectives the ranks disagree on, an embedding table smaller than its ids, JAX
/// tracers used as concrete values), its configuration (a file Caffe cannot open, a sequence length over the checkpoint's positions), its installation (torch.compile's
/// backend toolchain, a library's downloadable data) and its data (tf.data batching images of different shapes, TensorFlow's decoders meeting a file that is no image).
/// Wordings of other projects, releases and platforms than the corpus logs they were written from.
/// </summary>
internal static class CodeAndToolchainCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("spawn-without-main-guard-in-a-process-pool", In(Py("RuntimeError",
            "\n        An attempt has been made to start a new process before the\n        current process has finished its bootstrapping phase.",
            ["C:\\work\\tune.py:<module>", "C:\\Python311\\Lib\\concurrent\\futures\\process.py:submit",
                "C:\\Python311\\Lib\\multiprocessing\\spawn.py:_check_not_importing_main"])),
            C.UserCode, "user-code-spawn-without-main-guard", "high");
        yield return new("collectives-differ-between-ranks", In(Py("RuntimeError",
            "Detected mismatch between collectives on ranks. Rank 0 is running collective: CollectiveFingerPrint(SequenceNumber=12, OpType=ALLREDUCE, TensorShape=[1]), but Rank 3 is running collective: CollectiveFingerPrint(SequenceNumber=12, OpType=BROADCAST, TensorShape=[4]).",
            ["train.py:training_step", Sp + "accelerate/accelerator.py:gather", Sp + "torch/distributed/distributed_c10d.py:all_gather"])),
            C.UserCode, "user-code-collective-misuse", "high");
        yield return new("collective-on-a-cpu-tensor-line", In(null, E(40, "[rank2]: RuntimeError: No backend type associated with device type cpu")),
            C.UserCode, "user-code-collective-misuse", "medium");
        yield return new("keras-embedding-smaller-than-the-vocabulary", In(Py("tensorflow.python.framework.errors_impl.InvalidArgumentError",
            "indices[31,12] = 5001 is not in [0, 5000)\n\t [[node sequential/embedding/embedding_lookup]]",
            ["fit.py:<module>", Sp + "keras/utils/traceback_utils.py:error_handler"])),
            C.UserCode, "user-code-embedding-index-outside-the-table", "medium");
        yield return new("jax-tracer-used-as-a-python-bool", In(Py("jax.errors.ConcretizationTypeError",
            "Abstract tracer value encountered where concrete value is expected: Traced<ShapedArray(bool[])>with<DynamicJaxprTrace(level=1/0)>",
            ["model.py:__call__", Sp + "jax/_src/core.py:__bool__"])),
            C.UserCode, "user-code-jax-tracing-misuse", "high");
        yield return new("caffe-net-prototxt-not-found-line", In(null,
            E(12, "F0412 10:03:11.123456  1234 io.cpp:34] Check failed: fd != -1 (-1 vs. -1) File not found: models/VGG16/train_val.prototxt")),
            C.ConfigError, "config-caffe-file-not-found", "medium");
        yield return new("inductor-c-compiler-fails", In(Py("torch._dynamo.exc.BackendCompilerFailed",
            "backend='inductor' raised:\nCalledProcessError: Command '['/usr/bin/gcc', '/tmp/torchinductor_u/ab/cab.cpp', '-shared', '-fPIC']' returned non-zero exit status 1.",
            ["train.py:train_step", Sp + "torch/_dynamo/output_graph.py:call_user_compiler"])),
            C.DependencyError, "dependency-compiler-backend-failed", "low");
        yield return new("spacy-pipeline-not-downloaded", In(Py("OSError",
            "[E050] Can't find model 'de_core_news_sm'. It doesn't seem to be a Python package or a valid path to a data directory.",
            ["prepare.py:<module>", Sp + "spacy/__init__.py:load", Sp + "spacy/util.py:load_model"])),
            C.DependencyError, "dependency-library-data-not-downloaded", "high");
        yield return new("nltk-corpus-not-downloaded-line", In(null, E(8, "  Please use the NLTK Downloader to obtain the resource:")),
            C.DependencyError, "dependency-library-data-not-downloaded", "medium");
        yield return new("tf-data-batches-grey-and-colour-images", In(Py("tensorflow.python.framework.errors_impl.InvalidArgumentError",
            "Cannot batch tensors with different shapes in component 1. First element had shape [128,128,1] and element 5 had shape [128,128,3].\n\t [[{{node IteratorGetNext}}]]",
            ["train.py:<module>", Sp + "tensorflow/python/eager/execute.py:quick_execute"])),
            C.DataError, "data-collate-size-mismatch", "high");
        yield return new("tf-decode-image-meets-a-non-image", In(Py("tensorflow.python.framework.errors_impl.InvalidArgumentError",
            "Unknown image file format. One of JPEG, PNG, GIF, BMP required.\n\t [[{{node decode_image/DecodeImage}}]] [Op:IteratorGetNext]",
            ["train_classifier.py:<module>", Sp + "tensorflow/python/data/ops/iterator_ops.py:__next__"])),
            C.DataError, "data-corrupt-input", "high");
        yield return new("sequence-length-over-the-checkpoints-block-size", In(Py("ValueError", "Cannot attend to 16384, block size is only 8192",
            ["finetune.py:setup", Sp + "litgpt/model.py:max_seq_length"])),
            C.ConfigError, "config-context-length-exceeds-model", "high");
    }
}
