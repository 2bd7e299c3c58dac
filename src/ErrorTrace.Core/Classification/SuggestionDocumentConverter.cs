using System.Text.Json;
using System.Text.Json.Serialization;

namespace ErrorTrace.Core.Classification;

/// <summary>A suggestion is a string (the format before conditions) or <c>{ "text": …, "when": { … } }</c>; writes the object.</summary>
internal sealed class SuggestionDocumentConverter : JsonConverter<SuggestionDocument>
{
    public override SuggestionDocument? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new SuggestionDocument { Text = reader.GetString() };
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"a suggestion is a string or an object, found {reader.TokenType}");
        var suggestion = new SuggestionDocument();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                suggestion.Text = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            }
            else if (reader.ValueTextEquals("when"u8))
            {
                reader.Read();
                suggestion.When = JsonSerializer.Deserialize(ref reader, RulesJsonContext.Default.WhenDocument);
            }
            else
            {
                throw new JsonException($"unknown property '{reader.GetString()}' in a suggestion");
            }
        }

        return suggestion;
    }

    public override void Write(Utf8JsonWriter writer, SuggestionDocument value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("text"u8, value.Text);
        writer.WritePropertyName("when"u8);
        if (value.When is null) writer.WriteNullValue();
        else JsonSerializer.Serialize(writer, value.When, RulesJsonContext.Default.WhenDocument);
        writer.WriteEndObject();
    }
}
