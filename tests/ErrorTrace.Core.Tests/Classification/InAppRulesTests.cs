using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tests.Engine;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>One definition of a library frame (in_app), from the rules file, for the report, the classifier and renderers.</summary>
public sealed class InAppRulesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("et-inapp-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("/opt/conda/lib/python3.11/site-packages/torch/nn/modules/module.py", false)]
    [InlineData("/usr/local/lib/python3.10/dist-packages/transformers/trainer.py", false)]
    [InlineData("/usr/lib/python3/dist-packages/yaml/__init__.py", false)]
    [InlineData("/usr/lib/python3.10/json/decoder.py", false)]
    [InlineData("/opt/conda/lib/python3.10/multiprocessing/process.py", false)]
    [InlineData("/root/.pyenv/versions/3.10.4/lib/python3.10/threading.py", false)]
    [InlineData("/usr/lib64/python3.9/runpy.py", false)]
    [InlineData("<frozen importlib._bootstrap>", false)]
    [InlineData(@"C:\Python311\Lib\json\decoder.py", false)]
    [InlineData(@"C:\Users\me\anaconda3\envs\x\lib\site-packages\torch\serialization.py", false)]
    [InlineData(@"D:\Anaconda3\envs\x\lib\json\decoder.py", false)]
    [InlineData(@"C:\Users\u\miniconda3\lib\multiprocessing\spawn.py", false)]
    [InlineData(@"C:\Users\u\AppData\Local\Programs\Python\Python310\lib\importlib\__init__.py", false)]
    [InlineData(@"D:\work\project\lib\data.py", true)]
    [InlineData("/usr/local/bin/torchrun", false)]
    [InlineData("/opt/conda/bin/deepspeed", false)]
    [InlineData("/home/u/project/train.py", true)]
    [InlineData("/home/u/bin/train.py", true)]
    [InlineData("./src/coref.py", true)]
    [InlineData("/home/u/python3/lib/mylib/data.py", true)]
    [InlineData("/home/u/project/lib/data.py", true)]
    [InlineData("<string>", true)]
    [InlineData("", false)]
    public void Library_frames_are_packages_the_stdlib_and_launchers(string file, bool inApp) =>
        Assert.Equal(inApp, RuleSet.Default.Frames.IsInApp(file));

    [Fact]
    public void A_rules_file_adds_patterns_and_its_in_app_wins_over_library()
    {
        var path = Path.Combine(_dir, "rules.json");
        File.WriteAllText(path, """
            { "frames": { "in_app": ["/site-packages/acme_trainer/"], "library_regex": ["^/opt/vendor/"] } }
            """);

        var frames = RuleSet.LoadFile(path).Frames;

        Assert.True(frames.IsInApp("/opt/conda/lib/python3.11/site-packages/acme_trainer/loop.py"));
        Assert.False(frames.IsInApp("/opt/vendor/megatron/core/tensor_parallel/layers.py"));
        Assert.False(frames.IsInApp("/opt/conda/lib/python3.11/site-packages/torch/nn/modules/module.py"));
        Assert.True(frames.IsInApp("/home/u/train.py"));
    }

    [Fact]
    public void A_bad_frames_pattern_names_the_file_and_field()
    {
        var path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, """{ "frames": { "library_regex": ["(unclosed"] } }""");

        var e = Assert.Throws<RuleSetException>(() => RuleSet.LoadFile(path));

        Assert.Contains("frames.library_regex", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_marks_every_frame_of_the_chain()
    {
        const string Log = """
            Traceback (most recent call last):
              File "/opt/conda/lib/python3.10/json/decoder.py", line 353, in raw_decode
                obj, end = self.scan_once(s, idx)
            StopIteration: 0

            During handling of the above exception, another exception occurred:

            Traceback (most recent call last):
              File "/home/u/train.py", line 9, in <module>
                load()
              File "/opt/conda/lib/python3.10/site-packages/datasets/load.py", line 12, in load
                json.loads(text)
            json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)
            """;

        var report = Analyze.Text(Log);
        var root = report.Traceback!;

        Assert.Equal([true, false], root.Frames.Select(f => f.InApp));
        Assert.Equal([false], root.Chain[0].Frames.Select(f => f.InApp));
        Assert.Contains("\"in_app\":false", ReportJson.Serialize(report), StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_marks_the_frames_of_a_worker_s_quoted_traceback()
    {
        const string Log = """
            Traceback (most recent call last):
              File "train.py", line 10, in <module>
                for batch in loader:
              File "/usr/lib/python3/site-packages/torch/_utils.py", line 722, in reraise
                raise exception
            FileNotFoundError: Caught FileNotFoundError in DataLoader worker process 3.
            Original Traceback (most recent call last):
              File "/usr/lib/python3/site-packages/torch/utils/data/_utils/worker.py", line 308, in _worker_loop
                data = fetcher.fetch(index)
              File "/app/dataset.py", line 20, in __getitem__
                img = Image.open(path)
            FileNotFoundError: [Errno 2] No such file or directory: '/data/x.jpg'

            """;

        var original = Analyze.Text(Log).Traceback!.Original!;

        Assert.Equal([false, true], original.Frames.Select(f => f.InApp));
    }

    [Fact]
    public void The_options_rules_decide_in_app_in_the_report()
    {
        var path = Path.Combine(_dir, "mine.json");
        File.WriteAllText(path, """{ "frames": { "in_app": ["/site-packages/acme/"] } }""");
        var options = AnalysisOptions.Default with { Rules = RuleSet.LoadFile(path) };
        const string Log = """
            Traceback (most recent call last):
              File "/opt/conda/lib/python3.10/site-packages/acme/loop.py", line 9, in run
                step()
            ValueError: boom
            """;

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Log));
        var report = ErrorTrace.Core.Input.LogFile.Analyze(stream, options, new ReportContext { JobId = "t" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.Traceback!.Frames[0].InApp);
        Assert.False(Analyze.Text(Log).Traceback!.Frames[0].InApp);
    }

    [Fact]
    public void Raised_in_reads_the_same_definition() =>
        Assert.Equal("user-code-builtin-in-library", FailureClassifier.Classify(
            In(Py("KeyError", "'x'", ["/home/u/train.py:main", "/opt/conda/lib/python3.10/multiprocessing/pool.py:get"])), RuleSet.Default)!.RuleId);
}
