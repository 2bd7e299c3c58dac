using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the setup families of <see cref="ServingAndSetupCases"/> must not take: a user's own trainer class rejecting a
/// keyword, an index out of bounds that is no label, CUDA's device-side label assert, a tokenizer's length warning, a
/// world-size mismatch that is no checkpoint, a chat-template keyword of another version.
/// </summary>
public sealed class ServingAndSetupNearMissTests
{
    [Theory]
    [InlineData("CustomTrainer.__init__() got an unexpected keyword argument 'alpha'")]
    [InlineData("MyDPOTrainer.__init__() got an unexpected keyword argument 'ref_free'")]
    [InlineData("Trainer.fit() got an unexpected keyword argument 'ckpt'")]
    public void A_users_own_trainer_or_another_method_is_not_a_library_version(string message) =>
        Assert.NotEqual("dependency-trainer-lacks-keyword",
            Classify(In(Py("TypeError", message, ["/home/u/proj/train.py:<module>", "/home/u/proj/train.py:main"]))).RuleId);

    [Theory]
    [InlineData("IndexError", "index 5 is out of bounds for dimension 0 with size 3")]
    [InlineData("IndexError", "index 12 is out of bounds for axis 1 with size 10")]
    public void An_index_out_of_bounds_is_not_a_label_outside_the_output(string type, string message) =>
        Assert.NotEqual(FailureCategory.ConfigError, Classify(In(Py(type, message, ["/home/u/proj/train.py:main", "/home/u/proj/data.py:crop"]))).ErrorType);

    [Fact]
    public void Cudas_device_side_label_assert_stays_a_cuda_error() =>
        Assert.Equal(FailureCategory.CudaError, Classify(In(Py("RuntimeError", "CUDA error: device-side assert triggered",
            ["train.py:main", Sp + "torch/nn/functional.py:cross_entropy"]),
            E(2, "/pytorch/aten/src/ATen/native/cuda/Loss.cu:240: nll_loss_forward_reduce_cuda_kernel_2d: block: [0,0,0], thread: [4,0,0] Assertion `t >= 0 && t < n_classes` failed."))).ErrorType);

    [Theory]
    [InlineData("Token indices sequence length is longer than the specified maximum sequence length for this model (600 > 512). Running this sequence through the model will result in indexing errors")]
    [InlineData("This model's maximum context length is 4096 tokens. However, you requested 5012 tokens (4012 in the messages, 1000 in the completion).")]
    public void A_requests_length_is_not_the_engines_context_setting(string message) =>
        Assert.NotEqual("config-context-length-exceeds-model", Classify(In(Py("ValueError", message, ["/home/u/app.py:main"]))).RuleId);

    [Fact]
    public void A_world_size_mismatch_that_is_no_checkpoint_is_not_a_checkpoint_mismatch() =>
        Assert.NotEqual("config-checkpoint-mismatch", Classify(In(Py("RuntimeError",
            "The server socket has failed to bind. Expected world size of 8 but the current world size is 4 after rendezvous",
            ["train.py:main", Sp + "torch/distributed/distributed_c10d.py:init_process_group"]))).RuleId);

    [Fact]
    public void A_chat_template_keyword_of_another_version_is_not_a_missing_template() =>
        Assert.NotEqual("config-chat-template-missing", Classify(In(Py("TypeError",
            "PreTrainedTokenizerFast.apply_chat_template() got an unexpected keyword argument 'add_generation_prompt'",
            ["/home/u/chat.py:main"]))).RuleId);

    private static FailureAnalysis Classify(ClassificationInput input) => FailureClassifier.Classify(input, RuleSet.Default)!;
}
