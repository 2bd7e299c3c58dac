using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Specs for the mechanisms of <see cref="UnseenMechanismCases"/>, each a short log as the library prints it, read by the
/// whole engine, with the near misses that share its words.
/// </summary>
public sealed class UnseenMechanismTests
{
    private const string LokyPossibilities = "A worker process managed by the executor was unexpectedly terminated. This could be caused by a segmentation fault while calling the function or by an excessive memory usage causing the Operating System to kill the worker.";

    [Fact]
    public void A_loky_worker_killed_by_sigkill_is_host_memory_not_the_segfault_loky_names_as_a_possibility() =>
        Assert.Equal(("host_oom", "host-oom-joblib-worker-killed"), Decided(
            "Traceback (most recent call last):\n" +
            "  File \"fit_forest.py\", line 40, in <module>\n" +
            "    model.fit(X_train, y_train)\n" +
            "  File \"/usr/lib/python3/dist-packages/joblib/parallel.py\", line 1754, in _retrieve\n" +
            "    self._raise_error_fast()\n" +
            $"joblib.externals.loky.process_executor.TerminatedWorkerError: {LokyPossibilities}\n" +
            "\n" +
            "The exit codes of the workers are {SIGKILL(-9)}\n"));

    [Fact]
    public void The_loky_message_pasted_without_its_traceback_is_read_the_same() =>
        Assert.Equal("host_oom", Decided($"{LokyPossibilities} The exit codes of the workers are {{SIGKILL(-9), SIGKILL(-9), SIGKILL(-9)}}\n").Category);

    [Fact]
    public void A_loky_worker_that_died_of_sigsegv_is_a_segfault() =>
        Assert.Equal("segfault", Decided(
            $"joblib.externals.loky.process_executor.TerminatedWorkerError: {LokyPossibilities}\n" +
            "\n" +
            "The exit codes of the workers are {SIGSEGV(-11)}\n").Category);

    [Fact]
    public void A_loky_worker_that_exited_with_a_status_is_neither_memory_nor_a_segfault() =>
        Assert.DoesNotContain(Analyze.ByRules(
            $"joblib.externals.loky.process_executor.TerminatedWorkerError: {LokyPossibilities}\n" +
            "\n" +
            "The exit codes of the workers are {EXIT(1)}\n").Analysis?.ErrorType, new string?[] { "host_oom", "segfault" });

    [Theory]
    [InlineData("OSError: [WinError 1455] The paging file is too small for this operation to complete. Error loading \"C:\\Users\\me\\venv\\lib\\site-packages\\torch\\lib\\cudnn_cnn_infer64_8.dll\" or one of its dependencies.")]
    [InlineData("ImportError: DLL load failed: The paging file is too small for this operation to complete.")]
    [InlineData("OSError: [WinError 1455] 页面文件太小，无法完成操作。 Error loading \"D:\\envs\\sd\\lib\\site-packages\\torch\\lib\\shm.dll\" or one of its dependencies.")]
    [InlineData("OSError: ページング ファイルが小さすぎるため、この操作を完了できません。 (os error 1455)")]
    [InlineData("safetensors_rust.SafetensorError: Error while deserializing header: MetadataIncompleteBuffer (os error 1455)")]
    public void Windows_commit_limit_in_any_locale_or_reader_is_host_memory(string exceptionLine) =>
        Assert.Equal(("host_oom", "host-oom-windows-commit-limit"), Decided(
            "Traceback (most recent call last):\n" +
            "  File \"<string>\", line 1, in <module>\n" +
            "  File \"C:\\Python39\\lib\\multiprocessing\\spawn.py\", line 116, in spawn_main\n" +
            "    exitcode = _main(fd, parent_sentinel)\n" +
            "  File \"C:\\Python39\\lib\\site-packages\\torch\\__init__.py\", line 123, in <module>\n" +
            "    raise err\n" +
            exceptionLine + "\n"));

    [Fact]
    public void The_commit_limit_as_a_lone_pasted_line_is_host_memory() =>
        Assert.Equal("host_oom", Decided(
            "Epoch 3/100: 100%|##########| 120/120\n" +
            "OSError: [WinError 1455] The paging file is too small for this operation to complete. Error loading \"C:\\torch\\lib\\caffe2_detectron_ops_gpu.dll\" or one of its dependencies.\n").Category);

    [Theory]
    [InlineData("OSError: [WinError 126] The specified module could not be found. Error loading \"C:\\torch\\lib\\fbgemm.dll\" or one of its dependencies.")]
    [InlineData("OSError: [WinError 1114] A dynamic link library (DLL) initialization routine failed. Error loading \"C:\\torch\\lib\\c10.dll\" or one of its dependencies.")]
    [InlineData("ImportError: DLL load failed while importing _C: The specified procedure could not be found.")]
    [InlineData("OSError: [WinError 14550] no such error")]
    public void Other_windows_dll_load_failures_are_not_memory(string exceptionLine) =>
        Assert.NotEqual("host_oom", DecidedByRules(
            "Traceback (most recent call last):\n" +
            "  File \"train.py\", line 3, in <module>\n" +
            "    import torch\n" +
            exceptionLine + "\n").Category);

    [Theory]
    [InlineData("Your session crashed after using all available RAM. If you are interested in access to high-RAM runtimes, you may want to check out Colab Pro.")]
    [InlineData("> Your session crashed after using all available RAM.")]
    [InlineData("Kaggle says: Your notebook tried to allocate more memory than is available. It has restarted.")]
    public void A_hosted_notebooks_ram_dialog_is_host_memory(string dialog) =>
        Assert.Equal(("host_oom", "host-oom-hosted-notebook-ram"), Decided("model = load_everything()\n" + dialog + "\n"));

    [Fact]
    public void A_session_crashed_for_an_unknown_reason_names_no_memory() =>
        Assert.NotEqual("host_oom", DecidedByRules("Your session crashed for an unknown reason.\n").Category);

    [Fact]
    public void Numpys_own_memory_error_subclass_is_host_memory() =>
        Assert.Equal("host_oom", Decided(
            "Traceback (most recent call last):\n" +
            "  File \"preprocess.py\", line 88, in <module>\n" +
            "    stack = np.zeros((1, 600, 900, 900), dtype=np.float32)\n" +
            "numpy.core._exceptions._ArrayMemoryError: Unable to allocate 1.81 GiB for an array with shape (1, 600, 900, 900) and data type float32\n").Category);

    [Fact]
    public void A_quoted_bad_alloc_abort_is_host_memory() =>
        Assert.Equal("host_oom", Decided(
            "> terminate called after throwing an instance of 'std::bad_alloc'\n" +
            ">   what():  std::bad_alloc\n" +
            "> Aborted (core dumped)\n").Category);

    [Theory]
    [InlineData("GGML_ASSERT: /home/user/whisper.cpp/ggml.c:4530: ctx->mem_buffer != NULL\nAborted (core dumped)\n")]
    [InlineData("ggml_aligned_malloc: insufficient memory (attempted to allocate 24576.00 MB)\nGGML_ASSERT: ggml/src/ggml.c:1478: ctx->mem_buffer != NULL\n")]
    public void Ggml_failing_to_allocate_its_host_buffer_is_host_memory(string log) =>
        Assert.Equal(("host_oom", "host-oom-ggml-host-allocation"), Decided("llama_model_load: loading model from 'models/30B/ggml-model-f16.bin'\n" + log));

    [Theory]
    [InlineData("GGML_ASSERT: ggml.c:2990: ((uintptr_t) (ctx->mem_buffer))%GGML_MEM_ALIGN == 0\nAbort trap (core dumped)\n")]
    [InlineData("ggml_new_object: not enough space in the context's memory pool (needed 1638880, available 1638400)\nSegmentation fault (core dumped)\n")]
    [InlineData("ggml_backend_cuda_buffer_type_alloc_buffer: allocating 8192.00 MiB on device 0: cudaMalloc failed: out of memory\nfailed to allocate CUDA0 buffer of size 8589934592\n")]
    public void Ggmls_other_buffer_failures_are_not_host_memory(string log) =>
        Assert.NotEqual("host-oom-ggml-host-allocation", DecidedByRules(log).Rule);

    /// <summary>A near miss is checked with the rules alone: the learned fallback may take what the rules leave.</summary>
    private static (string? Category, string? Rule) DecidedByRules(string log)
    {
        var analysis = Analyze.ByRules(log).Analysis;
        return (analysis?.ErrorType, analysis?.RuleId);
    }

    private static (string? Category, string? Rule) Decided(string log)
    {
        var analysis = Analyze.Text(log).Analysis;
        return (analysis?.ErrorType, analysis?.RuleId);
    }
}
