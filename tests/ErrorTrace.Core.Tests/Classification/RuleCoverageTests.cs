using ErrorTrace.Core.Classification;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>Keeps rules.json honest: every rule documented, valid, and exercised by a case.</summary>
public sealed class RuleCoverageTests
{
    [Fact]
    public void Every_rule_has_a_unique_id_a_comment_and_a_known_category()
    {
        var rules = RuleSet.Default.Rules;

        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rules, r =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Comment), $"{r.Id} has no comment");
            Assert.Contains(r.Category, FailureCategory.BuiltInNames);
            Assert.NotEqual(FailureCategory.Unknown, r.Category);
        });
    }

    [Fact]
    public void Every_rule_is_exercised_by_a_case()
    {
        var decided = Cases.ByName.Values
            .Select(c => FailureClassifier.Classify(c.Input, RuleSet.Default)?.RuleId)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        var untested = RuleSet.Default.Rules.Select(r => r.Id).Where(id => !decided.Contains(id)).ToList();

        Assert.True(untested.Count == 0, "rules no case decides: " + string.Join(", ", untested));
    }

    [Fact]
    public void Every_category_has_at_least_three_cases_and_concrete_metadata()
    {
        var counts = Cases.ByName.Values.GroupBy(c => c.Category).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(FailureCategory.BuiltInNames, name =>
        {
            Assert.True(counts.GetValueOrDefault(name) >= 3, $"{name} has {counts.GetValueOrDefault(name)} cases");
            var category = RuleSet.Default.Categories[name];
            Assert.False(string.IsNullOrWhiteSpace(category.Description));
            Assert.True(category.Suggestions.Count >= 3, $"{name} needs concrete suggestions");
        });
    }

    [Theory]
    [InlineData(FailureCategory.OomTraining, "PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True")]
    [InlineData(FailureCategory.OomTraining, "gradient_accumulation_steps")]
    [InlineData(FailureCategory.OomTraining, "checkpointing")]
    [InlineData(FailureCategory.OomEval, "eval_accumulation_steps")]
    [InlineData(FailureCategory.OomEval, "per_device_eval_batch_size")]
    [InlineData(FailureCategory.NcclError, "NCCL_DEBUG=INFO")]
    [InlineData(FailureCategory.NcclError, "NCCL_DEBUG_SUBSYS=ALL")]
    [InlineData(FailureCategory.NcclError, "NCCL_SOCKET_IFNAME")]
    [InlineData(FailureCategory.NcclError, "NCCL_IB_DISABLE=1")]
    [InlineData(FailureCategory.Timeout, "TORCH_NCCL_ASYNC_ERROR_HANDLING")]
    [InlineData(FailureCategory.Timeout, "py-spy dump")]
    [InlineData(FailureCategory.HostOom, "dmesg")]
    [InlineData(FailureCategory.HostOom, "dataloader_num_workers")]
    [InlineData(FailureCategory.DiskError, "--shm-size")]
    [InlineData(FailureCategory.CudaError, "CUDA_LAUNCH_BLOCKING=1")]
    public void Suggestions_name_the_concrete_knob(string category, string knob) =>
        Assert.Contains(RuleSet.Default.Categories[category].Suggestions, s => s.Contains(knob, StringComparison.Ordinal));
}
