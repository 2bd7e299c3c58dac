using System.Globalization;

namespace ErrorTrace.Core.Classification.Learned;

/// <summary>
/// The model file: plain text, so a diff of a retrained model shows which tokens moved, and no JSON serializer is needed
/// (the library is AOT-compatible). Lines: <c>errortrace-naive-bayes 1</c>; <c>categories c1 c2 …</c>;
/// <c>priors p1 p2 …</c>; then one <c>token w1 w2 …</c> per token, in ordinal order. Numbers are invariant-culture logs.
/// </summary>
public static class LearnedModelText
{
    public const string Header = "errortrace-naive-bayes 1";

    /// <summary>Decimals of each log-probability: a thousandth of a nat changes no decision and keeps the file small.</summary>
    public const int Decimals = 3;

    public static void Write(NaiveBayesModel model, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header + "\n");
        writer.Write("categories " + string.Join(' ', model.Categories) + "\n");
        writer.Write("priors " + Numbers(model.LogPriors) + "\n");
        foreach (var token in model.Tokens) writer.Write(token + " " + Numbers(model.Weights(token)) + "\n");
    }

    /// <exception cref="InvalidDataException">Not a model file, or a line that does not fit it (named by number).</exception>
    public static NaiveBayesModel Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadLine() != Header) throw new InvalidDataException($"not a model file: the first line is not '{Header}'");
        var categories = Fields(reader.ReadLine(), "categories", 2);
        var priors = Parse(Fields(reader.ReadLine(), "priors", 3), categories.Length, 3);
        var weights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var number = 3;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0) continue;
            var fields = line.Split(' ');
            weights[fields[0]] = Parse(fields[1..], categories.Length, number);
        }

        return new NaiveBayesModel(categories, priors, weights);
    }

    private static string[] Fields(string? line, string name, int number)
    {
        var fields = line?.Split(' ') ?? [];
        if (fields.Length < 2 || fields[0] != name) throw new InvalidDataException($"line {number}: expected '{name} …'");
        return fields[1..];
    }

    private static double[] Parse(string[] fields, int count, int number)
    {
        if (fields.Length != count) throw new InvalidDataException($"line {number}: {fields.Length} numbers, not {count}");
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (!double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                throw new InvalidDataException($"line {number}: '{fields[i]}' is not a number");
        }

        return values;
    }

    private static string Numbers(IEnumerable<double> values) =>
        string.Join(' ', values.Select(v => Math.Round(v, Decimals).ToString("0.###", CultureInfo.InvariantCulture)));
}
