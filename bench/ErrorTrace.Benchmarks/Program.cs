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

// `--filter '*'` runs the whole suite; without arguments BenchmarkDotNet asks which benchmarks to run.
BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args, new BenchConfig());
