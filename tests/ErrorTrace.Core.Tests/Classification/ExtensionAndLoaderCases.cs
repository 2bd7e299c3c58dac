using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// A package whose compiled part is missing or was built for another environment (wording family import-failure): its
/// extension or op that cannot be found, loaded or JIT-built, a toolkit other than the one torch was compiled with, and
/// Windows' loader codes for a missing DLL or procedure; and the build of such a part failing in its toolchain
/// (dependency-extension-build-failed): setuptools naming the compiler that failed, a toolkit refusing the host compiler,
/// no MSVC or CUDA_HOME. Wordings of other packages, releases, compilers and locales than the corpus logs they were
/// written from.
/// </summary>
internal static class ExtensionAndLoaderCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("deepspeed-other-op-jit-load", In(Py("RuntimeError",
            "Unable to JIT load the fused_adam op due to it not being compatible due to hardware/software issue. ninja not found",
            ["train.py:main", Sp + "deepspeed/ops/op_builder/builder.py:load"])),
            C.DependencyError, "dependency-message", "high", "initialization");
        yield return new("compiled-extension-for-another-gpu", In(Py("OSError",
            "Could not find a compatible fused_ssim extension for compute capability 89.",
            ["train.py:<module>", Sp + "fused_ssim/__init__.py:<module>"])),
            C.DependencyError, "dependency-message", "high", "initialization");
        yield return new("extensions-not-built-line", Context("WARNING: apex's C++ extensions were not built; falling back to the Python implementation"),
            C.DependencyError, "dependency-message", "medium", "initialization");
        yield return new("ninja-required-for-cuda-extensions", In(Py("RuntimeError", "Ninja is required to load C++ extensions",
            ["train.py:<module>", Sp + "torch/utils/cpp_extension.py:verify_ninja_availability"])),
            C.DependencyError, "dependency-message", "high", "initialization");
        yield return new("toolkit-not-the-one-torch-was-built-with", In(Py("deepspeed.ops.op_builder.builder.CUDAMismatchException",
            ">- DeepSpeed Op Builder: Installed CUDA version 11.8 does not match the version torch was compiled with 12.1, unable to compile cuda/cpp extensions without a matching cuda version.",
            ["train.py:main", Sp + "deepspeed/ops/op_builder/builder.py:assert_no_cuda_mismatch"])),
            C.DependencyError, "dependency-message", "high", "initialization");
        yield return new("windows-procedure-not-found", In(Py("OSError",
            "[WinError 127] The specified procedure could not be found. Error loading \"C:\\Python311\\Lib\\site-packages\\torch\\lib\\c10_cuda.dll\" or one of its dependencies.",
            ["train.py:<module>", "C:\\Python311\\Lib\\site-packages\\torch\\__init__.py:<module>"])),
            C.DependencyError, "dependency-message", "high", "initialization");
        yield return new("windows-module-not-found-localised", In(Py("OSError",
            "[WinError 126] Le module spécifié est introuvable. Error loading \"C:\\venv\\Lib\\site-packages\\torch\\lib\\shm.dll\" or one of its dependencies.",
            ["train.py:<module>", "C:\\venv\\Lib\\site-packages\\torch\\__init__.py:<module>"])),
            C.DependencyError, "dependency-message", "high", "initialization");
        yield return new("msvc-compiler-failed-in-setuptools", Context("error: command 'C:\\Program Files\\Microsoft Visual Studio\\2022\\BuildTools\\VC\\Tools\\MSVC\\14.38.33130\\bin\\HostX86\\x64\\cl.exe' failed with exit code 2"),
            C.DependencyError, "dependency-extension-build-failed", "medium", "initialization");
        yield return new("cross-gcc-failed-in-setuptools", Context("error: command 'x86_64-linux-gnu-gcc' failed with exit status 1"),
            C.DependencyError, "dependency-extension-build-failed", "medium", "initialization");
        yield return new("hipcc-failed-in-setuptools", Context("error: command '/opt/rocm/bin/hipcc' failed with exit code 1"),
            C.DependencyError, "dependency-extension-build-failed", "medium", "initialization");
        yield return new("cuda-refuses-the-host-clang", Context("/usr/local/cuda/include/crt/host_config.h:151:2: error: -- unsupported clang version! clang version must be less than 16 and greater than 3.2 . The nvcc flag '-allow-unsupported-compiler' can be used to override this version check; however, using an unsupported host compiler may cause compilation failure or incorrect run time execution. Use at your own risk. #error -- unsupported clang version!"),
            C.DependencyError, "dependency-extension-build-failed", "medium", "initialization");
        yield return new("setuptools-needs-msvc", Context("error: Microsoft Visual C++ 14.0 or greater is required. Get it with \"Microsoft C++ Build Tools\": https://visualstudio.microsoft.com/visual-cpp-build-tools/"),
            C.DependencyError, "dependency-extension-build-failed", "medium", "initialization");
        yield return new("cpp-extension-without-cuda-home", In(Py("OSError", "CUDA_HOME environment variable is not set. Please set it to your CUDA install root.",
            ["setup.py:<module>", Sp + "torch/utils/cpp_extension.py:CUDAExtension", Sp + "torch/utils/cpp_extension.py:_join_cuda_home"])),
            C.DependencyError, "dependency-extension-build-failed", "high", "initialization");
        yield return new("windows-probe-finds-no-msvc", In(Py("subprocess.CalledProcessError", "Command '['where', 'cl']' returned non-zero exit status 1.",
            ["train.py:<module>", Sp + "torch/utils/cpp_extension.py:load", "C:\\Python39\\lib\\subprocess.py:check_output"])),
            C.DependencyError, "dependency-extension-build-failed", "high", "initialization");
    }

    private static ClassificationInput Context(string line) => new(null, [], [], null) { Context = [new ContextLine(1, line)] };
}
