using System.Globalization;

namespace ErrorTrace.Core.Classification.Learned;

/// <summary>
/// The model file: plain text of the training counts (<see cref="NaiveBayesCounts"/>), so a retrained model's diff shows
/// which tokens moved, and no JSON serializer is needed (the library is AOT-compatible). Lines:
/// <c>errortrace-naive-bayes 1</c>; <c>kind complement</c> (absent for the multinomial, <see cref="NaiveBayesKind"/>);
/// <c>alpha 1</c>; <c>categories c1 c2 …</c>; <c>logs n1 n2 …</c>; then one <c>token i:n i:n …</c> per token in ordinal
/// order, listing only the categories (by index) it appeared in.
/// </summary>
public static class LearnedModelText
{
    public const string Header = "errortrace-naive-bayes 1";

    private const string KindField = "kind";

    public static void Write(NaiveBayesCounts counts, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header + "\n");
        if (counts.Kind != NaiveBayesKind.Multinomial) writer.Write(KindField + " " + counts.Kind.ToString().ToLowerInvariant() + "\n");
        writer.Write("alpha " + counts.Alpha.ToString(CultureInfo.InvariantCulture) + "\n");
        writer.Write("categories " + string.Join(' ', counts.Categories) + "\n");
        writer.Write("logs " + string.Join(' ', counts.Logs.Select(n => n.ToString(CultureInfo.InvariantCulture))) + "\n");
        foreach (var token in counts.TokenLogs.Keys.Order(StringComparer.Ordinal))
        {
            var perCategory = counts.TokenLogs[token];
            var cells = Enumerable.Range(0, perCategory.Length).Where(c => perCategory[c] > 0)
                .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c}:{perCategory[c]}"));
            writer.Write(token + " " + string.Join(' ', cells) + "\n");
        }
    }

    /// <exception cref="InvalidDataException">Not a model file, or a line that does not fit it (named by number).</exception>
    public static NaiveBayesCounts Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadLine() != Header) throw new InvalidDataException($"not a model file: the first line is not '{Header}'");
        var number = 2;
        var line2 = reader.ReadLine();
        var kind = NaiveBayesKind.Multinomial;
        if (line2 is not null && line2.StartsWith(KindField + " ", StringComparison.Ordinal))
        {
            kind = Enum.TryParse<NaiveBayesKind>(line2[(KindField.Length + 1)..], ignoreCase: true, out var k) && Enum.IsDefined(k)
                ? k : throw new InvalidDataException($"line 2: '{line2}' is not a kind of naive Bayes");
            line2 = reader.ReadLine();
            number++;
        }

        var alpha = double.TryParse(Fields(line2, "alpha", number).Single(), NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && a > 0
            ? a : throw new InvalidDataException($"line {number}: alpha is not a positive number");
        var categories = Fields(reader.ReadLine(), "categories", ++number);
        var logs = Fields(reader.ReadLine(), "logs", ++number).Select(f => Integer(f, number)).ToArray();
        if (logs.Length != categories.Length) throw new InvalidDataException($"line {number}: {logs.Length} counts for {categories.Length} categories");
        var tokens = new Dictionary<string, int[]>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0) continue;
            var fields = line.Split(' ');
            var perCategory = new int[categories.Length];
            foreach (var cell in fields.Skip(1))
            {
                var colon = cell.IndexOf(':', StringComparison.Ordinal);
                var c = colon > 0 ? Integer(cell[..colon], number) : throw new InvalidDataException($"line {number}: '{cell}' is not index:count");
                if (c >= categories.Length) throw new InvalidDataException($"line {number}: category index {c} out of range");
                perCategory[c] = Integer(cell[(colon + 1)..], number);
            }

            tokens[fields[0]] = perCategory;
        }

        return new NaiveBayesCounts(categories, logs, tokens, alpha) { Kind = kind };
    }

    private static string[] Fields(string? line, string name, int number)
    {
        var fields = line?.Split(' ') ?? [];
        if (fields.Length < 2 || fields[0] != name) throw new InvalidDataException($"line {number}: expected '{name} …'");
        return fields[1..];
    }

    private static int Integer(string field, int number) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new InvalidDataException($"line {number}: '{field}' is not a count");
}
