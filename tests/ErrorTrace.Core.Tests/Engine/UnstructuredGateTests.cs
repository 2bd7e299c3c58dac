using System.Text;
using ErrorTrace.Core.Analysis;

namespace ErrorTrace.Core.Tests.Engine;

public class UnstructuredGateTests
{
    public static TheoryData<string> Needles => [.. UnstructuredGate.Needles];

    [Theory]
    [MemberData(nameof(Needles))]
    public void A_line_holding_any_needle_passes(string needle)
    {
        Assert.True(MayMatter("{'loss': 1.25, 'grad_norm': 0.5} " + needle + " tail"));
        Assert.True(MayMatter(needle));
        Assert.True(MayMatter("Step " + needle));
    }

    [Theory]
    [InlineData(" 45%|████▌     | 450/1000 [00:10<00:12, 45.00it/s]")]
    [InlineData("{'loss': 1.25, 'grad_norm': 0.5, 'learning_rate': 1e-05, 'epoch': 0.5}")]
    [InlineData("Saving model checkpoint to /out/checkpoint-500")]
    public void Ordinary_lines_do_not_pass(string line) => Assert.False(MayMatter(line));

    [Theory]
    [InlineData("srun: error: node12: task 3: Exited with exit code 1")]
    [InlineData("child process exited with code 1")]
    [InlineData("slurmstepd: error: detected 1 oom_kill event in step 1234.0")]
    public void Lower_case_markers_pass(string line) => Assert.True(MayMatter(line));

    private static bool MayMatter(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        return UnstructuredGate.MayMatter(bytes);
    }
}
