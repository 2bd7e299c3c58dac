using BenchmarkDotNet.Running;
using ErrorTrace.Benchmarks;
using ErrorTrace.Benchmarks.Corpus;

// `--write-inputs DIR` saves the generated inputs, to look at them or feed them to the CLI.
if (args is ["--write-inputs", var directory])
{
    Directory.CreateDirectory(directory);
    File.WriteAllBytes(Path.Combine(directory, "realistic.log"), Inputs.Realistic);
    File.WriteAllBytes(Path.Combine(directory, "realistic.log.gz"), Inputs.RealisticGzip);
    File.WriteAllBytes(Path.Combine(directory, "warning-heavy.log"), Inputs.WarningHeavy);
    File.WriteAllBytes(Path.Combine(directory, "tqdm-heavy.log"), Inputs.TqdmHeavy);
    File.WriteAllBytes(Path.Combine(directory, "binary-junk.bin"), Inputs.Junk);
    return;
}

// `--gate-candidates [--with NEEDLE]... FILE...` counts what the line gate's literal search verifies on each log, with
// the needles given added to the gate's (GateCandidates).
if (args is ["--gate-candidates", .. var rest])
{
    var extra = rest.Select((a, i) => (a, i)).Where(p => p.i > 0 && rest[p.i - 1] == "--with").Select(p => p.a).ToArray();
    var logs = rest.Where((a, i) => a != "--with" && (i == 0 || rest[i - 1] != "--with")).ToArray();
    GateCandidates.Print(logs, extra);
    return;
}

// `--filter '*'` runs the whole suite; without arguments BenchmarkDotNet asks which benchmarks to run.
BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args, new BenchConfig());
