using System.Text;
using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.RunEnvironment;

public sealed class EnvironmentTests
{
    private static Dictionary<string, string> Tags(string log) =>
        Analyze.Text(log).Environment!.Tags.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => string.Join(",", g.Select(t => t.Value)));

    [Fact]
    public void Banners_give_versions_gpus_world_size_and_launcher_with_their_lines()
    {
        const string log = """
            WARNING:torch.distributed.run:
            *****************************************
            Setting OMP_NUM_THREADS environment variable for each process to be 1 in default.
            [2024-01-01 12:00:00,123] [INFO] [real_accelerator.py:161:get_accelerator] Setting ds_accelerator to cuda (auto detect)
            PyTorch version: 2.3.1+cu121
            Python 3.10.12 (main, Nov 20 2023, 15:14:05) [GCC 11.4.0]
            |   0  NVIDIA A100-SXM4-80GB          On  | 00000000:07:00.0 Off |                    0 |
            |   1  NVIDIA A100-SXM4-80GB          On  | 00000000:0A:00.0 Off |                    0 |
            node-1:12:12 [0] NCCL INFO NCCL version 2.20.5+cuda12.4
            [2024-01-01 12:00:01,000] [INFO] [logging.py:96:log_dist] [Rank 0] DeepSpeed info: version=0.14.4, git-hash=unknown, git-branch=unknown
            01/01/2024 12:00:02 - WARNING - __main__ - Process rank: 0, device: cuda:0, n_gpu: 8, distributed training: True, world_size: 16
              "transformers_version": "4.44.2",
            """;
        var report = Analyze.Text(log);
        var tags = report.Environment!.Tags.ToDictionary(t => t.Key + "=" + t.Value, t => t.Line);
        Assert.Equal(5, tags["torch=2.3.1+cu121"]);
        Assert.Equal(6, tags["python=3.10.12"]);
        Assert.Equal(7, tags["gpu=NVIDIA A100-SXM4-80GB"]);
        Assert.Equal(9, tags["nccl=2.20.5"]);
        Assert.Equal(10, tags["deepspeed=0.14.4"]);
        Assert.Equal(11, tags["gpu_count=8"]);
        Assert.Equal(11, tags["world_size=16"]);
        Assert.Equal(12, tags["transformers=4.44.2"]);
        Assert.True(tags.ContainsKey("cuda=12.1") || tags.ContainsKey("cuda=12.4"));
        Assert.Equal(1, tags["launcher=torchrun"]);
        Assert.Equal("launcher", report.Environment.Tags[0].Key);
    }

    [Fact]
    public void Frames_hosts_and_ranks_add_what_the_head_did_not_say()
    {
        const string log = """
            worker-1: [rank3]: Traceback (most recent call last):
            worker-1: [rank3]:   File "/opt/conda/lib/python3.11/site-packages/torch/distributed/run.py", line 10, in main
            worker-1: [rank3]:     run()
            worker-1: [rank3]: RuntimeError: boom
            worker-2: [rank4]: hello
            """;
        var report = Analyze.Text(log);
        var env = report.Environment!;
        Assert.Contains(env.Tags, t => t is { Key: "python", Value: "3.11" });
        Assert.Contains(env.Tags, t => t is { Key: "launcher", Value: "torchrun" });
        Assert.Equal(["worker-1", "worker-2"], env.Hosts);
        Assert.Equal(2, env.RankCount);
        Assert.Equal("worker-1", report.Traceback!.Host);
    }

    [Fact]
    public void Prose_that_mentions_words_gives_no_tags()
    {
        var tags = Tags("Found 3 files in the dataset\nThe NVIDIA driver on your system is too old\nimport torch failed\nCUDA out of memory. Tried to allocate 2.00 GiB\n");
        Assert.False(tags.ContainsKey("gpu_count"));
        Assert.False(tags.ContainsKey("gpu"));
        Assert.False(tags.ContainsKey("torch"));
        Assert.False(tags.ContainsKey("cuda"));
    }

    [Fact]
    public void The_tags_do_not_depend_on_where_chunks_end()
    {
        var log = new StringBuilder();
        for (var i = 0; i < 3000; i++) log.Append("[2025-12-10 03:58:22] [__main__] [INFO] [SFT] step ").Append(i).Append(" loss=1.0\n");
        log.Append("NCCL INFO NCCL version 2.18.1+cuda12.1\n").Append("torch==2.1.0\n");
        var bytes = Encoding.UTF8.GetBytes(log.ToString());
        var whole = Analyze.Comparable(Analyze.Bytes(bytes));
        foreach (var chunk in new[] { 1, 7, 4096, 65_537 }) Assert.Equal(whole, Analyze.Comparable(Analyze.Chunked(bytes, chunk)));
        Assert.Contains("\"nccl\"", whole, StringComparison.Ordinal);
    }
}
