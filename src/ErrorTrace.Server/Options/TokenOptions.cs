namespace ErrorTrace.Server.Options;

/// <summary>One API token, stored as the hex SHA-256 of its text (never the text itself).</summary>
internal sealed class TokenOptions
{
    /// <summary>For logs and metrics only.</summary>
    public string Name { get; set; } = "token";

    /// <summary>Hex SHA-256 of the token: <c>printf %s "$TOKEN" | sha256sum</c>.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The owner whose jobs this token sees; ignored for an admin token.</summary>
    public string? Owner { get; set; }

    /// <summary>An admin token sees every job.</summary>
    public bool Admin { get; set; }
}
