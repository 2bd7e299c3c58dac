using System.CommandLine;
using ErrorTrace.Accuracy.Corpus;
using ErrorTrace.Accuracy.Learned;
using ErrorTrace.Accuracy.Scoring;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Classification.Learned;

// errortrace-accuracy: scores the engine on real-log cases (scripts/accuracy/score.sh is the usual way in).
var dir = new Option<DirectoryInfo>("--dir") { Description = "The folder of <slug>.log + <slug>.json cases", Required = true };
var batches = new Option<string[]>("--batch") { Description = "Score only these batches (repeatable); default: every case" };
var title = new Option<string>("--title") { Description = "The record's heading", DefaultValueFactory = _ => "Accuracy on the real-log corpus" };
var build = new Option<string>("--build") { Description = "Which engine build scored (commit, state)", DefaultValueFactory = _ => "this build" };
var preface = new Option<string?>("--preface") { Description = "A paragraph under the heading" };
var record = new Option<FileInfo?>("--record") { Description = "Also write the Markdown record to this new file (never overwrites)" };
var pending = new Option<bool>("--pending-lines") { Description = "Print RealLogPending table lines for the cases not right in every field" };

var classifier = new Option<string>("--classifier") { Description = $"Which classifier decides ({string.Join(", ", FailureClassifiers.Names)})", DefaultValueFactory = _ => FailureClassifiers.DefaultName };
var cv = new Option<int?>("--cv") { Description = "Cross-validate the learned classifier with K folds (plain, grouped by batch, leave one batch out) instead of scoring" };
var seed = new Option<int>("--seed") { Description = "The folds' seed for --cv", DefaultValueFactory = _ => 20261204 };
var cvFallback = new Option<int?>("--cv-fallback") { Description = "Cross-validate only the fallback with abstention, K folds grouped by project, and the held-out batch checks" };
var experiment = new Option<string?>("--experiment") { Description = "Run the feature/model experiments (grouped by project, 10 folds); the value filters them by name ('all' for every one)" };
var cvPhase = new Option<int?>("--cv-phase") { Description = "Cross-validate the learned phase of OOMs no phase hint placed, K folds grouped by project" };
var train = new Option<FileInfo?>("--train-out") { Description = "Train the learned model on every case and write its model file here" };

var command = new RootCommand("Scores errortrace's report on real logs against their expert labels") { dir, batches, title, build, preface, record, pending, classifier, cv, cvFallback, cvPhase, seed, train, experiment };
command.SetAction(parse =>
{
    var cases = CorpusReader.Read(parse.GetValue(dir)!.FullName);
    var only = parse.GetValue(batches) ?? [];
    if (only.Length > 0) cases = [.. cases.Where(c => only.Contains(c.Batch, StringComparer.Ordinal))];
    if (cases.Count == 0)
    {
        Console.Error.WriteLine("no case to score (check --dir and --batch)");
        return 2;
    }

    if (parse.GetValue(cv) is { } k)
    {
        // The before-fixing records are read from this checkout's docs (score.sh runs from the repository root).
        var records = Directory.Exists("docs/accuracy") ? "docs/accuracy" : null;
        Console.Write(CvRecord.Render(CaseCollector.Collect(cases, records), k, parse.GetValue(seed)));
        return 0;
    }

    if (parse.GetValue(cvFallback) is { } kf)
    {
        var records = Directory.Exists("docs/accuracy") ? "docs/accuracy" : null;
        Console.Write(FallbackRecord.Render(CaseCollector.Collect(cases, records), kf, parse.GetValue(seed)));
        return 0;
    }

    if (parse.GetValue(cvPhase) is { } kp)
    {
        Console.Write(PhaseRecord.Render(CaseCollector.Collect(cases), kp, parse.GetValue(seed)));
        return 0;
    }

    if (parse.GetValue(experiment) is { } filter)
    {
        var records = Directory.Exists("docs/accuracy") ? "docs/accuracy" : null;
        Console.Write(ExperimentRecord.Render(CaseCollector.Collect(cases, records), 10, parse.GetValue(seed), filter == "all" ? null : filter));
        return 0;
    }

    if (parse.GetValue(train) is { } modelFile)
    {
        // The log's features only: the variant measured against the rules before fixing (docs/accuracy-learned.md).
        var counts = NaiveBayesTrainer.Count([.. CaseCollector.Collect(cases).Select(c => (CrossValidation.Tokens(c, ruleTokens: false), c.Label))], CorpusReader.Categories,
            NaiveBayesTrainer.ShippedAlpha, kind: NaiveBayesTrainer.ShippedKind);
        using (var writer = new StreamWriter(modelFile.FullName)) LearnedModelText.Write(counts, writer);
        Console.Error.WriteLine($"trained on {cases.Count} cases: {counts.TokenLogs.Count} tokens -> {modelFile.FullName}");
        return 0;
    }

    var options = new AnalysisOptions { Classifier = FailureClassifiers.ByName(parse.GetValue(classifier)!) };
    var scores = cases.Select(c => Scorer.Score(c, options)).ToList();
    var markdown = ScoreRecord.Render(parse.GetValue(title)!, parse.GetValue(build)!, DateTimeOffset.UtcNow, scores, parse.GetValue(preface));
    Console.Write(markdown);
    if (parse.GetValue(record) is { } file)
    {
        if (file.Exists)
        {
            Console.Error.WriteLine($"{file.FullName} exists: a record is never rewritten");
            return 2;
        }

        file.Directory?.Create();
        File.WriteAllText(file.FullName, markdown);
        Console.Error.WriteLine($"recorded: {file.FullName}");
    }

    if (parse.GetValue(pending))
    {
        Console.WriteLine();
        Console.WriteLine("RealLogPending lines:");
        Console.Write(ScoreRecord.PendingLines(scores));
    }

    return 0;
});
return command.Parse(args).Invoke();
