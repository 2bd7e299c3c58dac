using System.Text.Json.Serialization;

namespace ErrorTrace.Server.Options;

/// <summary>The demo tokens file (<c>tokens.json</c>): the same shape as <c>Auth:Tokens</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(List<TokenOptions>))]
internal sealed partial class OptionsJsonContext : JsonSerializerContext;
