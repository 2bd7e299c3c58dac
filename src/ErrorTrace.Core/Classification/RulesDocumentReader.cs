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

    /// <summary>Reads one property's value into the object being built.</summary>
    private delegate void Setter<in T>(T target, ref Utf8JsonReader reader);

    /// <summary>Each object's properties by their JSON name (the serializer's snake_case of the document types),
    /// inner objects first so that each table is built before the one that refers to it.</summary>
    private static readonly (byte[] Name, Setter<MatchDocument> Set)[] s_match =
    [
        ("types"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.Types = ReadStrings(ref r)),
        ("message"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.Message = ReadStrings(ref r)),
        ("message_regex"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.MessageRegex = ReadStrings(ref r)),
        ("not_message"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.NotMessage = ReadStrings(ref r)),
        ("not_mentions"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.NotMentions = ReadStrings(ref r)),
        ("frames"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.Frames = ReadStrings(ref r)),
        ("frame_regex"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.FrameRegex = ReadStrings(ref r)),
        ("code_regex"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.CodeRegex = ReadStrings(ref r)),
        ("app_code_regex"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.AppCodeRegex = ReadStrings(ref r)),
        ("message_name_in_code"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.MessageNameInCode = ReadStrings(ref r)),
        ("not_frames"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.NotFrames = ReadStrings(ref r)),
        ("raised_at"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.RaisedAt = ReadStrings(ref r)),
        ("raised_at_regex"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.RaisedAtRegex = ReadStrings(ref r)),
        ("phases"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.Phases = ReadStrings(ref r)),
        ("kinds"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.Kinds = ReadStrings(ref r)),
        ("levels"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.Levels = ReadStrings(ref r)),
        ("raised_in"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.RaisedIn = ReadString(ref r)),
        ("no_root"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.NoRoot = ReadBool(ref r)),
        ("at_end"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.AtEnd = ReadBool(ref r)),
        // The list is read when a rule is, long after this array is built: the self-reference is never null then.
        ("before_root"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.BeforeRoot = ReadList(ref r, "a before_root match", s_match!)),
        ("wordings"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.Wordings = ReadStrings(ref r)),
        ("signals"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.Signals = ReadStrings(ref r)),
        ("modules"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.Modules = ReadStrings(ref r)),
        ("error_phases"u8.ToArray(), (MatchDocument m, ref Utf8JsonReader r) => m.ErrorPhases = ReadStrings(ref r)),
    ];

    private static readonly (byte[] Name, Setter<WhenDocument> Set)[] s_when =
    [
        ("mentions"u8.ToArray(), (WhenDocument w, ref Utf8JsonReader r) => w.Mentions = ReadStrings(ref r)),
        ("mentions_regex"u8.ToArray(), (WhenDocument w, ref Utf8JsonReader r) => w.MentionsRegex = ReadStrings(ref r)),
        ("wordings"u8.ToArray(), (WhenDocument w, ref Utf8JsonReader r) => w.Wordings = ReadStrings(ref r)),
        ("phases"u8.ToArray(), (WhenDocument w, ref Utf8JsonReader r) => w.Phases = ReadStrings(ref r)),
    ];

    private static readonly (byte[] Name, Setter<SuggestionDocument> Set)[] s_suggestion =
    [
        ("text"u8.ToArray(), (SuggestionDocument d, ref Utf8JsonReader r) => d.Text = ReadString(ref r)),
        ("when"u8.ToArray(), (SuggestionDocument d, ref Utf8JsonReader r) => d.When = ReadObject(ref r, "a suggestion's when", s_when)),
    ];

    private static readonly (byte[] Name, Setter<WordingDocument> Set)[] s_wording =
    [
        ("comment"u8.ToArray(), (WordingDocument w, ref Utf8JsonReader r) => w.Comment = ReadString(ref r)),
        ("message"u8.ToArray(), (WordingDocument w, ref Utf8JsonReader r) => w.Message = ReadStrings(ref r)),
        ("message_regex"u8.ToArray(), (WordingDocument w, ref Utf8JsonReader r) => w.MessageRegex = ReadStrings(ref r)),
    ];

    private static readonly (byte[] Name, Setter<PhaseMatchDocument> Set)[] s_phaseMatch =
    [
        ("frames"u8.ToArray(), (PhaseMatchDocument m, ref Utf8JsonReader r) => m.Frames = ReadStrings(ref r)),
        ("frame_regex"u8.ToArray(), (PhaseMatchDocument m, ref Utf8JsonReader r) => m.FrameRegex = ReadStrings(ref r)),
        ("modules"u8.ToArray(), (PhaseMatchDocument m, ref Utf8JsonReader r) => m.Modules = ReadStrings(ref r)),
        ("records"u8.ToArray(), (PhaseMatchDocument m, ref Utf8JsonReader r) => m.Records = ReadStrings(ref r)),
        ("lines"u8.ToArray(), (PhaseMatchDocument m, ref Utf8JsonReader r) => m.Lines = ReadStrings(ref r)),
        ("lines_regex"u8.ToArray(), (PhaseMatchDocument m, ref Utf8JsonReader r) => m.LinesRegex = ReadStrings(ref r)),
        ("mentions"u8.ToArray(), (PhaseMatchDocument m, ref Utf8JsonReader r) => m.Mentions = ReadStrings(ref r)),
        ("mentions_regex"u8.ToArray(), (PhaseMatchDocument m, ref Utf8JsonReader r) => m.MentionsRegex = ReadStrings(ref r)),
        ("calls"u8.ToArray(), (PhaseMatchDocument m, ref Utf8JsonReader r) => m.Calls = ReadStrings(ref r)),
        ("allocation_share"u8.ToArray(), (PhaseMatchDocument m, ref Utf8JsonReader r) => m.AllocationShare = ReadDouble(ref r)),
    ];

    private static readonly (byte[] Name, Setter<PhaseHintDocument> Set)[] s_phaseHint =
    [
        ("id"u8.ToArray(), (PhaseHintDocument h, ref Utf8JsonReader r) => h.Id = ReadString(ref r)),
        ("comment"u8.ToArray(), (PhaseHintDocument h, ref Utf8JsonReader r) => h.Comment = ReadString(ref r)),
        ("phase"u8.ToArray(), (PhaseHintDocument h, ref Utf8JsonReader r) => h.Phase = ReadString(ref r)),
        ("weight"u8.ToArray(), (PhaseHintDocument h, ref Utf8JsonReader r) => h.Weight = ReadDouble(ref r)),
        ("match"u8.ToArray(), (PhaseHintDocument h, ref Utf8JsonReader r) => h.Match = ReadObject(ref r, "a phase hint's match", s_phaseMatch)),
        ("unless"u8.ToArray(), (PhaseHintDocument h, ref Utf8JsonReader r) => h.Unless = ReadObject(ref r, "a phase hint's unless", s_phaseMatch)),
    ];

    private static readonly (byte[] Name, Setter<PhasesDocument> Set)[] s_phases =
    [
        ("comment"u8.ToArray(), (PhasesDocument p, ref Utf8JsonReader r) => p.Comment = ReadString(ref r)),
        ("hints"u8.ToArray(), (PhasesDocument p, ref Utf8JsonReader r) => p.Hints = ReadList(ref r, "a phase hint", s_phaseHint)),
    ];

    private static readonly (byte[] Name, Setter<ScoringSignalDocument> Set)[] s_signal =
    [
        ("id"u8.ToArray(), (ScoringSignalDocument d, ref Utf8JsonReader r) => d.Id = ReadString(ref r)),
        ("comment"u8.ToArray(), (ScoringSignalDocument d, ref Utf8JsonReader r) => d.Comment = ReadString(ref r)),
        ("category"u8.ToArray(), (ScoringSignalDocument d, ref Utf8JsonReader r) => d.Category = ReadString(ref r)),
        ("weight"u8.ToArray(), (ScoringSignalDocument d, ref Utf8JsonReader r) => d.Weight = ReadDouble(ref r)),
        ("on"u8.ToArray(), (ScoringSignalDocument d, ref Utf8JsonReader r) => d.On = ReadStringOrStrings(ref r)),
        ("match"u8.ToArray(), (ScoringSignalDocument d, ref Utf8JsonReader r) => d.Match = ReadObject(ref r, "a match", s_match)),
    ];

    private static readonly (byte[] Name, Setter<ScoringDocument> Set)[] s_scoring =
    [
        ("comment"u8.ToArray(), (ScoringDocument d, ref Utf8JsonReader r) => d.Comment = ReadString(ref r)),
        ("medium_score"u8.ToArray(), (ScoringDocument d, ref Utf8JsonReader r) => d.MediumScore = ReadDouble(ref r)),
        ("medium_margin"u8.ToArray(), (ScoringDocument d, ref Utf8JsonReader r) => d.MediumMargin = ReadDouble(ref r)),
        ("signals"u8.ToArray(), (ScoringDocument d, ref Utf8JsonReader r) => d.Signals = ReadList(ref r, "a scoring signal", s_signal)),
    ];

    private static readonly (byte[] Name, Setter<RuleDocument> Set)[] s_rule =
    [
        ("id"u8.ToArray(), (RuleDocument d, ref Utf8JsonReader r) => d.Id = ReadString(ref r)),
        ("comment"u8.ToArray(), (RuleDocument d, ref Utf8JsonReader r) => d.Comment = ReadString(ref r)),
        ("category"u8.ToArray(), (RuleDocument d, ref Utf8JsonReader r) => d.Category = ReadString(ref r)),
        ("phase"u8.ToArray(), (RuleDocument d, ref Utf8JsonReader r) => d.Phase = ReadString(ref r)),
        ("confidence"u8.ToArray(), (RuleDocument d, ref Utf8JsonReader r) => d.Confidence = ReadString(ref r)),
        ("on"u8.ToArray(), (RuleDocument d, ref Utf8JsonReader r) => d.On = ReadStringOrStrings(ref r)),
        ("description"u8.ToArray(), (RuleDocument d, ref Utf8JsonReader r) => d.Description = ReadString(ref r)),
        ("suggestions"u8.ToArray(), (RuleDocument d, ref Utf8JsonReader r) => d.Suggestions = ReadSuggestions(ref r)),
        ("fatal"u8.ToArray(), (RuleDocument d, ref Utf8JsonReader r) => d.Fatal = ReadBool(ref r)),
        ("match"u8.ToArray(), (RuleDocument d, ref Utf8JsonReader r) => d.Match = ReadObject(ref r, "a match", s_match)),
    ];

    private static readonly (byte[] Name, Setter<CategoryDocument> Set)[] s_category =
    [
        ("description"u8.ToArray(), (CategoryDocument c, ref Utf8JsonReader r) => c.Description = ReadString(ref r)),
        ("phase"u8.ToArray(), (CategoryDocument c, ref Utf8JsonReader r) => c.Phase = ReadString(ref r)),
        ("suggestions"u8.ToArray(), (CategoryDocument c, ref Utf8JsonReader r) => c.Suggestions = ReadSuggestions(ref r)),
    ];

    private static readonly (byte[] Name, Setter<FramesDocument> Set)[] s_frames =
    [
        ("comment"u8.ToArray(), (FramesDocument f, ref Utf8JsonReader r) => f.Comment = ReadString(ref r)),
        ("library"u8.ToArray(), (FramesDocument f, ref Utf8JsonReader r) => f.Library = ReadStrings(ref r)),
        ("library_regex"u8.ToArray(), (FramesDocument f, ref Utf8JsonReader r) => f.LibraryRegex = ReadStrings(ref r)),
        ("in_app"u8.ToArray(), (FramesDocument f, ref Utf8JsonReader r) => f.InApp = ReadStrings(ref r)),
        ("in_app_regex"u8.ToArray(), (FramesDocument f, ref Utf8JsonReader r) => f.InAppRegex = ReadStrings(ref r)),
    ];

    private static readonly (byte[] Name, Setter<RulesDocument> Set)[] s_file =
    [
        ("comment"u8.ToArray(), (RulesDocument d, ref Utf8JsonReader r) => d.Comment = ReadString(ref r)),
        ("categories"u8.ToArray(), (RulesDocument d, ref Utf8JsonReader r) => d.Categories = ReadMap(ref r, "a category", s_category)),
        ("rules"u8.ToArray(), (RulesDocument d, ref Utf8JsonReader r) => d.Rules = ReadList(ref r, "a rule", s_rule)),
        ("frames"u8.ToArray(), (RulesDocument d, ref Utf8JsonReader r) => d.Frames = ReadObject(ref r, "frames", s_frames)),
        ("wordings"u8.ToArray(), (RulesDocument d, ref Utf8JsonReader r) => d.Wordings = ReadMap(ref r, "a wording family", s_wording)),
        ("phases"u8.ToArray(), (RulesDocument d, ref Utf8JsonReader r) => d.Phases = ReadObject(ref r, "phases", s_phases)),
        ("scoring"u8.ToArray(), (RulesDocument d, ref Utf8JsonReader r) => d.Scoring = ReadObject(ref r, "scoring", s_scoring)),
    ];

    /// <exception cref="JsonException">The text is not JSON of the rules file's shape.</exception>
    public static RulesDocument Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, s_options);
        return ReadObject(ref reader, "the rules file", s_file) ?? throw new JsonException("the rules file is null");
    }

    /// <summary>An object used as a map (categories, wordings): each property an object of one shape.</summary>
    private static Dictionary<string, T>? ReadMap<T>(ref Utf8JsonReader reader, string owner, (byte[] Name, Setter<T> Set)[] properties)
        where T : class, new()
    {
        if (!Start(ref reader, JsonTokenType.StartObject)) return null;
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (NextProperty(ref reader))
        {
            var name = reader.GetString()!;
            map[name] = ReadObject(ref reader, owner, properties) ?? throw new JsonException($"{owner} '{name}' is null");
        }

        return map;
    }

    /// <summary>A suggestion is a string or an object (SuggestionDocumentConverter reads the same for users' files).</summary>
    private static List<SuggestionDocument>? ReadSuggestions(ref Utf8JsonReader reader)
    {
        if (!Start(ref reader, JsonTokenType.StartArray)) return null;
        var items = new List<SuggestionDocument>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String) items.Add(new SuggestionDocument { Text = reader.GetString() });
            else
            {
                Expect(ref reader, JsonTokenType.StartObject);
                items.Add(Fill(ref reader, "a suggestion", s_suggestion));
            }
        }

        return items;
    }

    /// <summary><c>"on": "errors"</c> or <c>"on": ["root", "errors"]</c> (StringOrListConverter for users' files).</summary>
    private static List<string>? ReadStringOrStrings(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new JsonException("the rules file ends early");
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType == JsonTokenType.String) return [reader.GetString()!];
        Expect(ref reader, JsonTokenType.StartArray);
        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.String);
            values.Add(reader.GetString()!);
        }

        return values;
    }

    private static double? ReadDouble(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new JsonException("the rules file ends early");
        if (reader.TokenType == JsonTokenType.Null) return null;
        Expect(ref reader, JsonTokenType.Number);
        return reader.GetDouble();
    }

    /// <summary>An object whose properties are all in <paramref name="properties"/>; null for JSON null.</summary>
    private static T? ReadObject<T>(ref Utf8JsonReader reader, string owner, (byte[] Name, Setter<T> Set)[] properties)
        where T : class, new()
    {
        return Start(ref reader, JsonTokenType.StartObject) ? Fill(ref reader, owner, properties) : null;
    }

    private static List<T>? ReadList<T>(ref Utf8JsonReader reader, string owner, (byte[] Name, Setter<T> Set)[] properties)
        where T : class, new()
    {
        if (!Start(ref reader, JsonTokenType.StartArray)) return null;
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartObject);
            items.Add(Fill(ref reader, owner, properties));
        }

        return items;
    }

    /// <summary>The properties of the object just opened, up to its end.</summary>
    private static T Fill<T>(ref Utf8JsonReader reader, string owner, (byte[] Name, Setter<T> Set)[] properties)
        where T : class, new()
    {
        var target = new T();
        while (NextProperty(ref reader)) Find(ref reader, owner, properties)(target, ref reader);
        return target;
    }

    private static Setter<T> Find<T>(ref Utf8JsonReader reader, string owner, (byte[] Name, Setter<T> Set)[] properties)
    {
        foreach (var (name, set) in properties)
        {
            if (reader.ValueTextEquals(name)) return set;
        }

        throw new JsonException($"unknown property '{reader.GetString()}' in {owner}");
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
}
