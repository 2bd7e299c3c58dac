namespace ErrorTrace.Server.Options;

/// <summary><c>Cors</c>: the dashboards' origins allowed to call the API from a browser. None by default.</summary>
internal sealed class CorsSettings
{
    public const string Section = "Cors";

    public string[] Origins { get; set; } = [];
}
