using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// The build and launch families of <see cref="BuildAndLaunchCases"/> read through the whole engine, in other wordings of
/// the same mechanism, and the near wordings they must not take: CUDA's kernel-level 'illegal instruction', TensorFlow's
/// start-up INFO about instructions it could use, the harmless 'already been registered' factory line, a compiler's or
/// OpenCV's 'error:'/'can't open' lines.
/// </summary>
public sealed class BuildAndLaunchNearMissTests
{
    [Theory]
    [InlineData("2024-05-02 10:11:12.000001: F tensorflow/core/platform/cpu_feature_guard.cc:37] The TensorFlow library was compiled to use FMA instructions, but these aren't available on your machine.\nAborted (core dumped)\n")]
    [InlineData("Loading model...\nrun_eval.sh: line 9: 31337 Illegal instruction     (core dumped) python eval.py --ckpt best.pt\n")]
    [InlineData("Fatal Python error: Illegal instruction\n\nCurrent thread 0x00007f1c2a1b6740 (most recent call first):\n  File \"/opt/venv/lib/python3.10/site-packages/jaxlib/xla_client.py\", line 55 in make_cpu_client\n  File \"/work/app.py\", line 3 in <module>\n")]
    [InlineData("mpirun noticed that process rank 5 with PID 8812 on node gpu-07 exited on signal 4 (Illegal instruction).\n")]
    public void A_binary_built_for_another_cpu_or_runtime_is_a_dependency_error(string log) =>
        Assert.Equal(FailureCategory.DependencyError, Analyze.Text(log).Analysis?.ErrorType);

    [Theory]
    [InlineData("Traceback (most recent call last):\n  File \"/work/train.py\", line 40, in <module>\n    loss.item()\nRuntimeError: CUDA error: an illegal instruction was encountered\n", FailureCategory.CudaError)]
    [InlineData("2024-05-02 10:11:12.000001: I tensorflow/core/platform/cpu_feature_guard.cc:182] This TensorFlow binary is optimized to use available CPU instructions in performance-critical operations.\nTo enable the following instructions: AVX2 FMA, in other operations, rebuild TensorFlow with the appropriate compiler flags.\n2024-05-02 10:11:13.000001: I tensorflow/core/platform/cpu_feature_guard.cc:142] Your CPU supports instructions that this TensorFlow binary was not compiled to use: AVX2 FMA\nSegmentation fault (core dumped)\n", FailureCategory.Segfault)]
    [InlineData("2024-05-02 10:11:12.000001: E external/local_xla/xla/stream_executor/cuda/cuda_dnn.cc:9261] Unable to register cuDNN factory: Attempting to register factory for plugin cuDNN when one has already been registered\nSegmentation fault (core dumped)\n", FailureCategory.Segfault)]
    public void Cuda_kernel_faults_and_tensorflow_start_up_lines_are_not_a_build_mismatch(string log, string category) =>
        Assert.Equal(category, Analyze.Text(log).Analysis?.ErrorType);

    [Theory]
    [InlineData("python: can't open file 'scripts/finetune.py': [Errno 2] No such file or directory\n")]
    [InlineData("C:\\Users\\u\\miniconda3\\python.exe: can't open file 'C:\\\\work\\\\main.py': [Errno 2] No such file or directory\n")]
    [InlineData("usage: train.py [-h] [--lr LR] [--epochs EPOCHS]\ntrain.py: error: unrecognized arguments: --local_rank=0\n")]
    [InlineData("usage: pretrain.py [-h] --data_path DATA_PATH\npretrain.py: error: the following arguments are required: --data_path\n")]
    public void A_launch_command_the_script_cannot_take_is_a_config_error(string log) =>
        Assert.Equal(FailureCategory.ConfigError, Analyze.Text(log).Analysis?.ErrorType);

    [Theory]
    [InlineData("gcc: error: unrecognized command-line option '-mavx512fp16'\nninja: build stopped: subcommand failed.\n")]
    [InlineData("[ WARN:0@0.012] global loadsave.cpp:244 findDecoder imread_('/data/img/001.jpg'): can't open/read file: check file path/integrity\nTraceback (most recent call last):\n  File \"/work/prep.py\", line 8, in <module>\n    h, w = img.shape[:2]\nAttributeError: 'NoneType' object has no attribute 'shape'\n")]
    public void A_compiler_error_or_an_unreadable_image_is_not_a_launch_command(string log) =>
        Assert.NotEqual(FailureCategory.ConfigError, Analyze.Text(log).Analysis?.ErrorType);
}
