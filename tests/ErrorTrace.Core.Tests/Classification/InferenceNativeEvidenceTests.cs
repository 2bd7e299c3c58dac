using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// An out-of-memory failure placed by what a program outside Python's tracebacks shows: a Caffe net's forward pass with
/// no solver in glog's native stack, a Lua Torch7 test script in its stack traceback, TensorRT's own runtime and builder,
/// and TensorFlow's tensor of a single image or volume. Each is written in another program's words than the corpus logs,
/// with the near misses that share them and are training.
/// </summary>
public sealed class InferenceNativeEvidenceTests
{
    private const string CaffeOom = "F0301 08:12:44.120331  4411 syncedmem.cpp:56] Check failed: error == cudaSuccess (2 vs. 0)  out of memory\n" +
        "*** Check failure stack trace: ***\n" +
        "    @     0x7f3a1c2b35cd  google::LogMessage::Fail()\n" +
        "    @     0x7f3a1c8d1208  caffe::SyncedMemory::mutable_gpu_data()\n" +
        "    @     0x7f3a1c9b2b02  caffe::Blob<>::mutable_gpu_data()\n" +
        "    @     0x7f3a1c9f0110  caffe::CuDNNConvolutionLayer<>::Forward_gpu()\n" +
        "    @     0x7f3a1c8e3011  caffe::Net<>::ForwardFromTo()\n";

    [Fact]
    public void A_caffe_forward_pass_without_a_solver_is_inference() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            CaffeOom +
            "    @     0x55d0a0c01c80  FaceTracker::detect()\n" +
            "    @     0x7f3a1b0a5830  __libc_start_main\n" +
            "Aborted (core dumped)\n"));

    [Fact]
    public void A_caffe_forward_pass_under_the_solvers_step_is_training() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            CaffeOom +
            "    @     0x7f3a1c8e4a70  caffe::Net<>::ForwardBackward()\n" +
            "    @     0x7f3a1c9c6ab0  caffe::Solver<>::Step()\n" +
            "    @     0x7f3a1c9c7254  caffe::Solver<>::Solve()\n" +
            "    @           0x40a6d4  train()\n"));

    [Fact]
    public void A_torch7_test_script_in_a_lua_stack_traceback_is_inference() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "THCudaCheck FAIL file=/tmp/luarocks_cutorch/lib/THC/generic/THCStorage.cu line=66 error=2 : out of memory\n" +
            "/opt/torch/install/bin/luajit: /opt/torch/install/share/lua/5.1/nn/THNN.lua:110: cuda runtime error (2) : out of memory at /tmp/luarocks_cutorch/lib/THC/generic/THCStorage.cu:66\n" +
            "stack traceback:\n" +
            "\t[C]: in function 'v'\n" +
            "\t/opt/torch/install/share/lua/5.1/nn/Sequential.lua:44: in function 'forward'\n" +
            "\t/home/ana/colorize/demo_colorize.lua:57: in main chunk\n" +
            "\t[C]: at 0x00405d50\n"));

    [Fact]
    public void A_torch7_training_script_in_a_lua_stack_traceback_is_training() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "THCudaCheck FAIL file=/tmp/luarocks_cutorch/lib/THC/generic/THCStorage.cu line=66 error=2 : out of memory\n" +
            "/opt/torch/install/bin/luajit: /opt/torch/install/share/lua/5.1/nn/THNN.lua:110: cuda runtime error (2) : out of memory at /tmp/luarocks_cutorch/lib/THC/generic/THCStorage.cu:66\n" +
            "stack traceback:\n" +
            "\t[C]: in function 'v'\n" +
            "\t/opt/torch/install/share/lua/5.1/nn/Sequential.lua:44: in function 'forward'\n" +
            "\t/home/ana/colorize/train_colorize.lua:131: in main chunk\n" +
            "\t[C]: at 0x00405d50\n"));

    [Fact]
    public void Tensorrts_runtime_allocator_failing_is_an_inference_oom() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "[03/14/2021-10:02:11] Loading engine from lanenet_fp16.plan\n" +
            "ERROR: ../rtSafe/safeRuntime.cpp (25) - Cuda Error in allocate: 2 (out of memory)\n" +
            "ERROR: FAILED_ALLOCATION: std::exception\n"));

    [Fact]
    public void An_application_creating_a_tensorrt_execution_context_is_inference() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "E0412 09:01:02.118 2211 detector.cc:88] Failed to create TensorRT execution context for the segmentation head\n" +
            "Cuda Error in allocate: 2 (out of memory)\n" +
            "RuntimeError: CUDA error: out of memory\n"));

    [Fact]
    public void Tensorflows_missing_tensorrt_warning_in_a_training_run_is_not_inference() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "2023-06-01 10:00:01.123: W tensorflow/compiler/tf2tensorrt/utils/py_utils.cc:38] TF-TRT Warning: Could not find TensorRT\n" +
            "tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor with shape[64,256,56,56] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc\n"));

    [Fact]
    public void A_tensorflow_tensor_of_one_whole_volume_is_prediction() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor with shape[1,48,310,1200,1200] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc [Op:Conv3D]\n"));

    [Fact]
    public void A_tensorflow_tensor_of_one_sample_under_training_step_lines_is_training() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "INFO:tensorflow:loss = 1.2044, step = 4100 (12.310 sec)\n" +
            "tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor with shape[1,1024,1600,256] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc\n"));

    [Fact]
    public void A_tensorflow_kernel_or_rank_two_tensor_is_not_a_single_sample() =>
        Assert.All(
            [
                "ResourceExhaustedError: OOM when allocating tensor with shape[3,3,1024,1024] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc\n",
                "ResourceExhaustedError: OOM when allocating tensor with shape[1,250000] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc\n",
            ],
            log => Assert.Equal(FailureCategory.OomTraining, Category(log)));

    private static string? Category(string log) => Analyze.Text(log).Analysis?.ErrorType;
}
