using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>Suggestions that fit: each given only when its condition meets the evidence, three first, the rest behind "more".</summary>
public sealed class SuggestionTests
{
    [Fact]
    public void A_suggestion_about_something_the_log_never_mentions_is_not_given()
    {
        var tf = FailureClassifier.Classify(In(Py("tensorflow.python.framework.errors_impl.ResourceExhaustedError",
            "OOM when allocating tensor with shape[16,64,64,64] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc",
            ["train.py:<module>", Sp + "keras/engine/training.py:fit", Sp + "tensorflow/python/eager/execute.py:quick_execute"])), RuleSet.Default)!;
        var all = tf.Suggestions;

        Assert.Contains(all, s => s.Contains("set_memory_growth", StringComparison.Ordinal));
        Assert.DoesNotContain(all, s => s.Contains("per_device_train_batch_size", StringComparison.Ordinal));
        Assert.DoesNotContain(all, s => s.Contains("PYTORCH_CUDA_ALLOC_CONF", StringComparison.Ordinal));
        Assert.DoesNotContain(all, s => s.Contains("XLA_PYTHON_CLIENT", StringComparison.Ordinal));
    }

    [Fact]
    public void A_suggestion_the_evidence_asks_for_is_among_the_first_three()
    {
        var analysis = FailureClassifier.Classify(In(Py("torch.OutOfMemoryError", ModernOom, TrainStep)), RuleSet.Default)!;

        Assert.Contains(analysis.Suggestions.Take(FailureAnalysis.ShownSuggestions), s => s.Contains("expandable_segments", StringComparison.Ordinal));
    }

    [Fact]
    public void More_than_three_fit_and_none_is_repeated()
    {
        var analysis = FailureClassifier.Classify(In(Py("torch.OutOfMemoryError", ModernOom, TrainStep)), RuleSet.Default)!;

        Assert.True(analysis.Suggestions.Count > FailureAnalysis.ShownSuggestions);
        Assert.Equal(analysis.Suggestions.Count, analysis.Suggestions.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Flash_attn_advice_needs_flash_attn_in_the_log()
    {
        var other = FailureClassifier.Classify(In(Py("ModuleNotFoundError", "No module named 'wandb'", ["train.py:<module>"])), RuleSet.Default)!;
        var flash = FailureClassifier.Classify(In(Py("ImportError",
            "/usr/local/lib/python3.10/dist-packages/flash_attn_2_cuda.cpython-310-x86_64-linux-gnu.so: undefined symbol: _ZN3c104cuda9SetDeviceEi",
            ["train.py:<module>", Sp + "flash_attn/flash_attn_interface.py:<module>"])), RuleSet.Default)!;

        Assert.DoesNotContain(other.Suggestions, s => s.Contains("flash", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(flash.Suggestions, s => s.Contains("flash-attn", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_category_keeps_at_least_one_suggestion_without_a_condition() =>
        Assert.All(RuleSet.Default.Categories.Values, c => Assert.Contains(c.SuggestionRules, s => s.When is null));
}
