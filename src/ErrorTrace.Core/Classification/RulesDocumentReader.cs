using System.Text.Json;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// Reads the built-in <c>rules.json</c> with a <see cref="Utf8JsonReader"/> walk. The source-generated serializer's
/// first use in a process costs ~40 ms of metadata and JIT on one core (measured: 45 ms against 2 ms to read the
/// file once it is warm), a fifth of a small log's whole run; this walk is precompiled code. Same shape and
/// strictness: an unknown property throws. User files keep the serializer, whose errors carry a JSON path
/// (<c>$.rules[3].match</c>) that names the rule; a test holds both readers to the same document for the built-in file.
/// </summary>
internal static class RulesDocumentReader
{
    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <exception cref="JsonException">The text is not JSON of the rules file's shape.</exception>
    public static RulesDocument Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, s_options);
        Start(ref reader, JsonTokenType.StartObject);
        var document = new RulesDocument();
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("comment"u8)) document.Comment = ReadString(ref reader);
            else if (reader.ValueTextEquals("categories"u8)) document.Categories = ReadCategories(ref reader);
            else if (reader.ValueTextEquals("rules"u8)) document.Rules = ReadRules(ref reader);
            else throw Unknown(ref reader, "the rules file");
        }

        return document;
    }

    private static Dictionary<string, CategoryDocument>? ReadCategories(ref Utf8JsonReader reader)
    {
        if (!Start(ref reader, JsonTokenType.StartObject)) return null;
        var categories = new Dictionary<string, CategoryDocument>(StringComparer.Ordinal);
        while (NextProperty(ref reader))
        {
            var name = reader.GetString()!;
            if (!Start(ref reader, JsonTokenType.StartObject)) throw new JsonException($"category '{name}' is null");
            var category = new CategoryDocument();
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("description"u8)) category.Description = ReadString(ref reader);
                else if (reader.ValueTextEquals("phase"u8)) category.Phase = ReadString(ref reader);
                else if (reader.ValueTextEquals("suggestions"u8)) category.Suggestions = ReadStrings(ref reader);
                else throw Unknown(ref reader, "a category");
            }

            categories[name] = category;
        }

        return categories;
    }

    private static List<RuleDocument>? ReadRules(ref Utf8JsonReader reader)
    {
        if (!Start(ref reader, JsonTokenType.StartArray)) return null;
        var rules = new List<RuleDocument>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartObject);
            var rule = new RuleDocument();
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("id"u8)) rule.Id = ReadString(ref reader);
                else if (reader.ValueTextEquals("comment"u8)) rule.Comment = ReadString(ref reader);
                else if (reader.ValueTextEquals("category"u8)) rule.Category = ReadString(ref reader);
                else if (reader.ValueTextEquals("phase"u8)) rule.Phase = ReadString(ref reader);
                else if (reader.ValueTextEquals("confidence"u8)) rule.Confidence = ReadString(ref reader);
                else if (reader.ValueTextEquals("on"u8)) rule.On = ReadString(ref reader);
                else if (reader.ValueTextEquals("description"u8)) rule.Description = ReadString(ref reader);
                else if (reader.ValueTextEquals("suggestions"u8)) rule.Suggestions = ReadStrings(ref reader);
                else if (reader.ValueTextEquals("fatal"u8)) rule.Fatal = ReadBool(ref reader);
                else if (reader.ValueTextEquals("match"u8)) rule.Match = ReadMatch(ref reader);
                else throw Unknown(ref reader, "a rule");
            }

            rules.Add(rule);
        }

        return rules;
    }

    private static MatchDocument? ReadMatch(ref Utf8JsonReader reader)
    {
        if (!Start(ref reader, JsonTokenType.StartObject)) return null;
        var match = new MatchDocument();
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("types"u8)) match.Types = ReadStrings(ref reader);
            else if (reader.ValueTextEquals("message"u8)) match.Message = ReadStrings(ref reader);
            else if (reader.ValueTextEquals("message_regex"u8)) match.MessageRegex = ReadStrings(ref reader);
            else if (reader.ValueTextEquals("not_message"u8)) match.NotMessage = ReadStrings(ref reader);
            else if (reader.ValueTextEquals("frames"u8)) match.Frames = ReadStrings(ref reader);
            else if (reader.ValueTextEquals("frame_regex"u8)) match.FrameRegex = ReadStrings(ref reader);
            else if (reader.ValueTextEquals("not_frames"u8)) match.NotFrames = ReadStrings(ref reader);
            else if (reader.ValueTextEquals("phases"u8)) match.Phases = ReadStrings(ref reader);
            else if (reader.ValueTextEquals("kinds"u8)) match.Kinds = ReadStrings(ref reader);
            else if (reader.ValueTextEquals("levels"u8)) match.Levels = ReadStrings(ref reader);
            else if (reader.ValueTextEquals("raised_in"u8)) match.RaisedIn = ReadString(ref reader);
            else if (reader.ValueTextEquals("no_root"u8)) match.NoRoot = ReadBool(ref reader);
            else throw Unknown(ref reader, "a match");
        }

        return match;
    }

    /// <summary>Moves to the next token: true when it opens <paramref name="type"/>, false when it is null.</summary>
    private static bool Start(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read()) throw new JsonException("the rules file ends early");
        if (reader.TokenType == JsonTokenType.Null) return false;
        Expect(ref reader, type);
        return true;
    }

    /// <summary>Moves to the next property name of the open object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new JsonException("the rules file ends early");
        if (reader.TokenType == JsonTokenType.EndObject) return false;
        Expect(ref reader, JsonTokenType.PropertyName);
        return true;
    }

    private static string? ReadString(ref Utf8JsonReader reader) =>
        Start(ref reader, JsonTokenType.String) ? reader.GetString() : null;

    private static bool? ReadBool(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new JsonException("the rules file ends early");
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => null,
            _ => throw new JsonException($"expected true or false, found {reader.TokenType}"),
        };
    }

    private static List<string>? ReadStrings(ref Utf8JsonReader reader)
    {
        if (!Start(ref reader, JsonTokenType.StartArray)) return null;
        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.String);
            values.Add(reader.GetString()!);
        }

        return values;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type) throw new JsonException($"expected {type}, found {reader.TokenType}");
    }

    private static JsonException Unknown(ref Utf8JsonReader reader, string owner) =>
        new($"unknown property '{reader.GetString()}' in {owner}");
}
