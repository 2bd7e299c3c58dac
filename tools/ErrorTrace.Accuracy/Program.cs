using System.CommandLine;
using ErrorTrace.Accuracy.Corpus;
using ErrorTrace.Accuracy.Scoring;

// errortrace-accuracy: scores the engine on real-log cases (scripts/accuracy/score.sh is the usual way in).
var dir = new Option<DirectoryInfo>("--dir") { Description = "The folder of <slug>.log + <slug>.json cases", Required = true };
var batches = new Option<string[]>("--batch") { Description = "Score only these batches (repeatable); default: every case" };
var title = new Option<string>("--title") { Description = "The record's heading", DefaultValueFactory = _ => "Accuracy on the real-log corpus" };
var build = new Option<string>("--build") { Description = "Which engine build scored (commit, state)", DefaultValueFactory = _ => "this build" };
var preface = new Option<string?>("--preface") { Description = "A paragraph under the heading" };
var record = new Option<FileInfo?>("--record") { Description = "Also write the Markdown record to this new file (never overwrites)" };
var pending = new Option<bool>("--pending-lines") { Description = "Print RealLogPending table lines for the cases not right in every field" };

var command = new RootCommand("Scores errortrace's report on real logs against their expert labels") { dir, batches, title, build, preface, record, pending };
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

    var scores = cases.Select(c => Scorer.Score(c)).ToList();
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
