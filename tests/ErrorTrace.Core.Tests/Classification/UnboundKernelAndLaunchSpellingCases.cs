using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Installations the log names without an import error, read off mechanisms the rules missed in batches a–p: a compiled
/// extension or an optional backend whose guarded import left its name unbound (the NameError comes later, from the
/// project's forward or class body), and PyTorch 2's launcher spelling '--local-rank' that a torch 1 script's parser
/// rejects. Names and scripts of other projects than the corpus logs they were written from.
/// </summary>
internal static class UnboundKernelAndLaunchSpellingCases
{
    private const string CompiledExtension = "dependency-nameerror-names-a-compiled-extension";

    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("causal-conv1d-kernel-never-built", In(Py("NameError", "name 'causal_conv1d_cuda' is not defined",
            ["train.py:main", "/work/vim/models/mamba_simple.py:forward", "/work/vim/ops/conv1d_interface.py:forward"])),
            C.DependencyError, CompiledExtension, "high");
        yield return new("deformable-conv-kernel-exception-line-alone", In(Py("NameError", "name 'deform_conv_cuda' is not defined")),
            C.DependencyError, CompiledExtension, "high");
        yield return new("numbered-kernel-variant-unbound", In(Py("NameError", "name 'quant_cuda_4bit' is not defined",
            ["/work/gptq/llama.py:<module>", "/work/gptq/quant.py:forward"])),
            C.DependencyError, CompiledExtension, "high");
        yield return new("detection-ops-c-extension-unbound", In(Py("NameError", "name '_C' is not defined",
            ["demo.py:<module>", "/work/dino/models/ops/modules/ms_deform_attn.py:forward"])),
            C.DependencyError, CompiledExtension, "high");
        yield return new("sglang-class-under-a-prefixed-alias", In(Py("NameError", "name 'sglang_SamplingParams' is not defined",
            ["serve.py:<module>", "/work/bench/backends/router.py:Backend"])),
            C.DependencyError, "dependency-nameerror-names-an-optional-package", "high");
        yield return new("deepspeed-launcher-local-rank-hyphen-line", In(null,
            E(14, "finetune_lora.py: error: unrecognized arguments: --local-rank=3")),
            C.DependencyError, "dependency-launcher-passes-local-rank-with-a-hyphen", "medium");
        yield return new("local-rank-hyphen-after-other-rejected-arguments-line", In(null,
            E(9, "main.py: error: unrecognized arguments: --fp16 --local-rank=0")),
            C.DependencyError, "dependency-launcher-passes-local-rank-with-a-hyphen", "medium");
    }
}
