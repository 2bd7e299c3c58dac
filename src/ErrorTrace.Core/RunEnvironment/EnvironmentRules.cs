using System.Buffers;
using System.Text.RegularExpressions;

namespace ErrorTrace.Core.RunEnvironment;

/// <summary>
/// The ways logs state their environment, in order: for a key, the first rule (and the first line) that yields a value
/// wins, except <c>launcher</c>, which collects every distinct one (torchrun under Slurm is both). Each pattern is
/// anchored on its needle's words and has bounded repetition only, so it runs in linear time on any line.
/// </summary>
internal static partial class EnvironmentRules
{
    /// <summary>The keys in the order the report lists them.</summary>
    public static readonly string[] KeyOrder = ["launcher", "world_size", "gpu", "gpu_count", "python", "torch", "cuda", "nccl", "transformers", "deepspeed"];

    public static IReadOnlyList<EnvironmentRule> All { get; } =
    [
        // Launchers, by the words they (or their modules) print: torchrun's elastic agent logs as torch.distributed.*.
        new("torchrun", "launcher", ["torchrun", "torch.distributed.run", "torch.distributed.launch", "torch.distributed.elastic"], null, "torchrun"),
        new("deepspeed-launcher", "launcher", ["deepspeed.launcher", "deepspeed/launcher"], null, "deepspeed"),
        new("accelerate-launch", "launcher", ["accelerate launch", "accelerate.commands", "accelerate/commands"], null, "accelerate"),
        new("slurm", "launcher", ["slurmstepd", "srun: ", "SLURM_JOB_ID", "SLURM_PROCID"], null, "slurm"),
        // Open MPI's --tag-output prefix, [1,0]<stderr>:, is mpirun's.
        new("mpirun", "launcher", ["mpirun", "<stderr>:", "<stdout>:"], null, "mpirun"),
        new("ray", "launcher", ["ray::", "(RayTrainWorker", "Started a local Ray instance"], null, "ray"),

        // "world_size=8", "'world_size': 8", "WORLD_SIZE: 8", Lightning's "MEMBER: 1/8", accelerate's "Num processes: 8".
        new("world-size-assignment", "world_size", ["orld_size", "ORLD_SIZE", "orld size"], WorldSize()),
        new("lightning-member", "world_size", ["MEMBER:"], LightningMember()),
        new("accelerate-num-processes", "world_size", ["Num processes"], NumProcesses()),

        // nvidia-smi's table row "|   0  NVIDIA A100-SXM4-80GB   On |", "GPU 0: NVIDIA H100 80GB HBM3 (UUID: …)", torch's
        // get_device_name. The model stops at two spaces, a bracket or a bar.
        new("gpu-name", "gpu", ["NVIDIA ", "Tesla ", "Quadro ", "AMD Instinct"], GpuName()),
        // transformers' "n_gpu: 8", "Found 8 GPUs", DeepSpeed's --num_gpus=8, torchrun's --nproc_per_node=8 (per node).
        new("n-gpu", "gpu_count", ["GPU", "gpu", "nproc_per_node", "device_count"], GpuCount()),
        new("cuda-visible-devices", "gpu_count", ["CUDA_VISIBLE_DEVICES"], VisibleDevices(), Convert: CountList),

        // "Python 3.10.12", transformers-cli env's "- Python version: 3.10.12".
        new("python-banner", "python", ["Python 3", "Python version", "python_version"], PythonVersion()),

        // "torch==2.3.1", "PyTorch version: 2.3.1+cu121", ds_report's "torch version .......... 2.3.1".
        new("torch-version", "torch", ["torch", "PyTorch"], TorchVersion()),
        // NCCL's own banner "NCCL version 2.18.1+cuda12.1" also says the CUDA it was built for.
        new("nccl-banner", "nccl", ["NCCL version"], NcclVersion()),
        new("cuda-version", "cuda", ["CUDA", "cuda_version", "version.cuda", "cuda version"], CudaVersion()),
        new("nccl-cuda", "cuda", ["NCCL version"], NcclCuda()),
        new("torch-cu-suffix", "cuda", ["torch", "PyTorch"], TorchCuSuffix(), Convert: CuSuffix),
        // A model config's "transformers_version": "4.36.2" (printed by every from_pretrained at INFO), pins, banners.
        new("transformers-version", "transformers", ["transformers"], TransformersVersion()),
        new("deepspeed-version", "deepspeed", ["DeepSpeed", "deepspeed"], DeepSpeedVersion()),
    ];

    /// <summary>Every rule's needles: a line without one is not looked at.</summary>
    public static readonly string[] Needles = All.SelectMany(r => r.Needles).Distinct(StringComparer.Ordinal).ToArray();

    public static readonly SearchValues<string> NeedleSearch = SearchValues.Create(Needles, StringComparison.Ordinal);

    /// <summary>Rules by needle.</summary>
    public static readonly IReadOnlyDictionary<string, EnvironmentRule[]> ByNeedle =
        Needles.ToDictionary(n => n, n => All.Where(r => r.Needles.Contains(n, StringComparer.Ordinal)).ToArray(), StringComparer.Ordinal);

    private static readonly Dictionary<EnvironmentRule, int> s_index = All.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i);

    /// <summary>The rule's position in <see cref="All"/> (at most 64 rules: a line's tried rules are one bit mask).</summary>
    public static int IndexOf(EnvironmentRule rule) => s_index[rule];

    /// <summary>"121" → "12.1", "118" → "11.8".</summary>
    private static string? CuSuffix(string digits) => digits.Length is 3 or 4 ? $"{digits[..^1]}.{digits[^1]}" : null;

    /// <summary>"0,1,2,3" → "4".</summary>
    private static string? CountList(string list) => (list.Count(c => c == ',') + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\b(?:world[_ ]size|WORLD_SIZE)[""']?\s{0,4}[:=]\s{0,4}(?<v>\d{1,6})\b", RegexOptions.ExplicitCapture)]
    private static partial Regex WorldSize();

    [GeneratedRegex(@"\bMEMBER:\s{0,4}\d{1,6}/(?<v>\d{1,6})\b", RegexOptions.ExplicitCapture)]
    private static partial Regex LightningMember();

    [GeneratedRegex(@"\bNum processes:\s{0,4}(?<v>\d{1,6})\b", RegexOptions.ExplicitCapture)]
    private static partial Regex NumProcesses();

    [GeneratedRegex(@"(?<v>(?:NVIDIA|Tesla|Quadro)(?:\s(?:GeForce|Quadro|TITAN|Tesla|RTX|GTX))*\s[A-Z]{0,4}\d{1,4}[A-Za-z]{0,3}(?:[- ](?:SXM\d?|PCIE|PCIe|NVL|HBM\d?e?|\d{1,3}GB|Ti|SUPER|Ada|Generation|[A-Z]{0,2}\d{1,4}[A-Z]{0,2}))*|AMD Instinct MI\d{2,3}[A-Z]{0,2})", RegexOptions.ExplicitCapture)]
    private static partial Regex GpuName();

    [GeneratedRegex(@"(?:\bn_gpu[""']?\s{0,4}[:=]\s{0,4}|\bnum_gpus[""']?(?:\s{0,4}[:=]\s{0,4}|\s)|\bnproc_per_node[""']?(?:\s{0,4}[:=]\s{0,4}|\s)|device_count\(\)\s{0,4}[:=]?\s{0,4})(?<v>\d{1,5})\b|\b(?:Found|Using|Detected|found|using|detected)\s(?<v>\d{1,5})\s(?:CUDA\s|NVIDIA\s)?(?:GPU|gpu)s?\b", RegexOptions.ExplicitCapture)]
    private static partial Regex GpuCount();

    [GeneratedRegex(@"\bCUDA_VISIBLE_DEVICES[""']?\s{0,4}[:=]\s{0,4}[""']?(?<v>\d{1,4}(?:\s?,\s?\d{1,4}){0,255})", RegexOptions.ExplicitCapture)]
    private static partial Regex VisibleDevices();

    [GeneratedRegex(@"\b(?:Python|python_version)(?:\s+version)?[""']?\s{0,4}[:=]?\s{0,4}[""']?(?<v>3\.\d{1,2}(?:\.\d{1,2})?)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex PythonVersion();

    [GeneratedRegex(@"\b(?:torch|PyTorch)(?:\s+version)?(?:==|\s{0,4}[:=]\s{0,4}|[\s.]{1,60})v?(?<v>\d{1,2}\.\d{1,3}(?:\.\d{1,3})?(?:a\d+|rc\d+|\.dev\d+)?(?:\+[a-z0-9.]{1,20})?)(?![\d.])", RegexOptions.ExplicitCapture)]
    private static partial Regex TorchVersion();

    [GeneratedRegex(@"\bNCCL version (?<v>\d{1,2}\.\d{1,3}\.\d{1,3})", RegexOptions.ExplicitCapture)]
    private static partial Regex NcclVersion();

    [GeneratedRegex(@"\bNCCL version [\d.]{1,12}\+cuda(?<v>\d{1,2}\.\d)", RegexOptions.ExplicitCapture)]
    private static partial Regex NcclCuda();

    [GeneratedRegex(@"(?:\bCUDA(?:\s(?:[Vv]ersion|[Rr]untime(?:\s[Vv]ersion)?|[Tt]oolkit))?|\bcuda_version|\bversion\.cuda|\bcuda version)[""']?(?:\s{0,4}[:=]\s{0,4}|[\s.]{1,60})[""']?(?<v>\d{1,2}\.\d{1,2})(?:\.\d{1,3})?\b", RegexOptions.ExplicitCapture)]
    private static partial Regex CudaVersion();

    [GeneratedRegex(@"\b(?:torch|PyTorch)(?:\s+version)?(?:==|\s{0,4}[:=]\s{0,4}|[\s.]{1,60})v?\d{1,2}\.\d{1,3}(?:\.\d{1,3})?\+cu(?<v>\d{3,4})\b", RegexOptions.ExplicitCapture)]
    private static partial Regex TorchCuSuffix();

    [GeneratedRegex(@"\b`?transformers`?(?:_version[""']?|\s+version)?(?:==|\s{0,4}[:=]\s{0,4}|[\s.]{1,60})[""']?v?(?<v>\d{1,2}\.\d{1,3}\.\d{1,3}(?:\.dev\d+|rc\d+)?)(?![\d.])", RegexOptions.ExplicitCapture)]
    private static partial Regex TransformersVersion();

    [GeneratedRegex(@"(?:\bDeepSpeed info: version=|\b[Dd]eep[Ss]peed(?:\s+version)?(?:==|\s{0,4}[:=]\s{0,4}|[\s.]{1,60})v?)(?<v>\d{1,2}\.\d{1,3}\.\d{1,3}(?:\+[a-z0-9]{1,12})?)(?![\d.])", RegexOptions.ExplicitCapture)]
    private static partial Regex DeepSpeedVersion();
}
