using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Dependency families whose wording names the mismatch (xFormers without a kernel for this build, Lightning's two
/// packages, a CUDA compiler older than the GPU, a linker without its library, llama.cpp's tools for a GGUF export) and
/// builtin exceptions raised in the project's own dataset code. Wordings of other releases and programs than the corpus
/// logs they were written from.
/// </summary>
internal static class VersionAndDatasetCodeCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("xformers-no-operator-for-the-installed-torch", In(Py("NotImplementedError",
            "No operator found for `memory_efficient_attention_backward` with inputs:\n     query       : shape=(2, 4096, 8, 40) (torch.float16)\n`cutlassB` is not supported because:\n    xFormers wasn't build with CUDA support",
            ["train_dreambooth.py:main", Sp + "xformers/ops/fmha/__init__.py:_memory_efficient_attention_backward", Sp + "xformers/ops/fmha/dispatch.py:_dispatch_bw"])),
            C.DependencyError, "dependency-xformers-operator-unavailable", "medium", "initialization");
        yield return new("xformers-cannot-load-extensions-warning-line", new ClassificationInput(null, [], [], null)
        {
            Context =
            [
                new ContextLine(4, "WARNING[XFORMERS]: xFormers can't load C++/CUDA extensions. xFormers was built for:"),
                new ContextLine(5, "    PyTorch 2.0.1+cu118 with CUDA 1108 (you have 2.1.2+cu121)"),
            ],
        }, C.DependencyError, "dependency-xformers-operator-unavailable", "medium", "initialization");
        yield return new("lightning-trainer-gets-the-other-packages-module", In(Py("TypeError",
            "`model` must be a `LightningModule` or `torch._dynamo.OptimizedModule`, got `NBeats`",
            ["fit.py:<module>", Sp + "lightning/pytorch/trainer/trainer.py:fit", Sp + "lightning/pytorch/utilities/compile.py:_maybe_unwrap_optimized"])),
            C.DependencyError, "dependency-lightning-module-from-the-other-package", "medium", "initialization");
        yield return new("nvcc-older-than-the-gpu-line", new ClassificationInput(null, [], [], null)
        {
            Context = [new ContextLine(12, "nvcc fatal   : Unsupported gpu architecture 'compute_90'")],
        }, C.DependencyError, "dependency-toolkit-predates-the-gpu", "medium", "initialization");
        yield return new("triton-ptxas-older-than-the-gpu", In(Py("RuntimeError",
            "Internal Triton PTX codegen error: \nptxas fatal   : Value 'sm_120a' is not defined for option 'gpu-name'",
            ["train.py:<module>", Sp + "triton/compiler/compiler.py:compile", Sp + "triton/backends/nvidia/compiler.py:make_cubin"])),
            C.DependencyError, "dependency-toolkit-predates-the-gpu", "high", "initialization");
        yield return new("triton-launcher-link-without-libcuda-line", new ClassificationInput(
            Py("torch._dynamo.exc.BackendCompilerFailed", "backend='inductor' raised:\nCalledProcessError: Command '['/usr/bin/gcc', '/tmp/tmpa1/main.c', '-lcuda']' returned non-zero exit status 1.",
                ["train.py:<module>", Sp + "torch/_dynamo/eval_frame.py:_fn"], line: 40),
            [], [], null)
        {
            Context = [new ContextLine(30, "/usr/bin/ld: cannot find -lcuda: No such file or directory"), new ContextLine(31, "collect2: error: ld returned 1 exit status")],
        }, C.DependencyError, "dependency-linker-cannot-find-library", "medium", "initialization");
        yield return new("gguf-export-quantize-tool-missing", In(Py("RuntimeError",
            "Unsloth: The file ('llama.cpp/llama-quantize' or 'llama.cpp/llama-quantize.exe' if you are on Windows WSL) or 'llama.cpp/quantize' does not exist.",
            ["export.py:<module>", Sp + "unsloth/save.py:save_to_gguf"])),
            C.DependencyError, "dependency-llama-cpp-tools-unbuilt", "medium", "checkpointing");
        yield return new("annotation-class-missing-from-the-class-map", In(Py("KeyError", "'traffic_cone'",
            ["tools/train.py:main", "/work/det/data/datasets/coco_like.py:__init__", "/work/det/data/datasets/coco_like.py:load_annotations"])),
            C.DataError, "data-builtin-raised-in-the-projects-dataset-code", "medium", "data_loading");
        yield return new("label-line-with-fewer-columns-in-preprocessing", In(Py("ValueError", "not enough values to unpack (expected 5, got 4)",
            ["prepare.py:<module>", "/home/u/asr/preprocessing.py:read_transcripts"])),
            C.DataError, "data-builtin-raised-in-the-projects-dataset-code", "medium", "data_loading");
    }
}
