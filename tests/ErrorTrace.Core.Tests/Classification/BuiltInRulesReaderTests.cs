using System.Text;
using System.Text.Json;
using ErrorTrace.Core.Classification;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>The built-in rules are read by a hand-written reader (startup); it must read them exactly as the
/// serializer that reads users' files does, and be as strict.</summary>
public class BuiltInRulesReaderTests
{
    private static byte[] BuiltIn()
    {
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream("ErrorTrace.Core.rules.json")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public void Reads_the_built_in_file_as_the_serializer_does()
    {
        var utf8 = BuiltIn();
        var bySerializer = JsonSerializer.Deserialize(utf8, RulesJsonContext.Default.RulesDocument)!;
        var byReader = RulesDocumentReader.Read(utf8);

        Assert.Equal(
            JsonSerializer.Serialize(bySerializer, RulesJsonContext.Default.RulesDocument),
            JsonSerializer.Serialize(byReader, RulesJsonContext.Default.RulesDocument));
        Assert.True(byReader.Rules!.Count > 50);
    }

    [Theory]
    [InlineData("""{ "rules": [ { "id": "a", "mach": {} } ] }""", "unknown property 'mach'")]
    [InlineData("""{ "rules": [ { "id": "a", "match": { "mesage": ["x"] } } ] }""", "unknown property 'mesage'")]
    [InlineData("""{ "rules": [ { "id": 3 } ] }""", "expected String")]
    [InlineData("""{ "rules": [ { "id": "a", "match": { "no_root": "yes" } } ] }""", "expected true or false")]
    [InlineData("""{ "rules": [ { "id": "a" """, "")]
    public void Is_as_strict_as_the_serializer(string json, string problem)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(utf8, RulesJsonContext.Default.RulesDocument));
        var e = Assert.ThrowsAny<JsonException>(() => RulesDocumentReader.Read(utf8));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_trailing_commas_and_nulls_are_read_as_the_serializer_reads_them()
    {
        var utf8 = Encoding.UTF8.GetBytes("""
            // a comment
            { "comment": null, "rules": [ { "id": "a", "category": "timeout", "fatal": true, "suggestions": null,
              "match": { "message": ["x", "y",], "no_root": false }, }, ], }
            """);

        Assert.Equal(
            JsonSerializer.Serialize(JsonSerializer.Deserialize(utf8, RulesJsonContext.Default.RulesDocument)!, RulesJsonContext.Default.RulesDocument),
            JsonSerializer.Serialize(RulesDocumentReader.Read(utf8), RulesJsonContext.Default.RulesDocument));
    }
}
