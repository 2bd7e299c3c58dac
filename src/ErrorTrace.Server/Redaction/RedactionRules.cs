using System.Text.RegularExpressions;

namespace ErrorTrace.Server.Redaction;

/// <summary>
/// Secrets training logs print, in the order they are applied. Order matters: the header and URL rules run before the
/// token-shape rules, so a token inside a header is replaced once, with its header name kept. Every pattern is
/// anchored on a literal prefix and has no nested quantifiers, so it runs in linear time on any line.
/// </summary>
internal static partial class RedactionRules
{
    public const string Mask = "[REDACTED]";

    public static IReadOnlyList<RedactionRule> All { get; } =
    [
        // "Authorization: Bearer abc…", "authorization=Basic …" (requests' debug output, curl -v, header dumps).
        new("authorization-header", AuthorizationHeader(), "$1" + Mask),
        // A bare "Bearer eyJ…" outside a header (an exception message quoting the request).
        new("bearer-token", BearerToken(), "$1" + Mask),
        // Credentials in a URL: postgres://user:secret@host, https://user:token@huggingface.co.
        new("url-password", UrlPassword(), "$1" + Mask + "@"),
        // Hugging Face user/org tokens: hf_ + 34 letters (older ones api_…; those are caught by api-key-assignment).
        new("huggingface-token", HuggingFaceToken(), Mask),
        // AWS access key ids: AKIA (long-lived) or ASIA (session) + 16 upper-case letters/digits.
        new("aws-access-key-id", AwsAccessKeyId(), Mask),
        // aws_secret_access_key = 40 chars of base64 (only recognisable by its name).
        new("aws-secret-access-key", AwsSecretAccessKey(), "$1" + Mask),
        // OpenAI / Anthropic-style keys: sk-…, sk-proj-…, sk-ant-….
        new("sk-api-key", SkApiKey(), Mask),
        // WANDB_API_KEY=<40 hex>, wandb login <40 hex>.
        new("wandb-api-key", WandbApiKey(), "$1" + Mask),
        // Any other NAME=value where the name says it is a secret (HF_TOKEN=…, password: …, api_key=…).
        new("secret-assignment", SecretAssignment(), "$1" + Mask),
    ];

    [GeneratedRegex(@"(?i)(\bauthorization[""']?\s*[:=]\s*[""']?(?:bearer|basic|token)\s+)[^\s""',;}\]]+")]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(?i)(\bbearer\s+)(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{12,}")]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"(?i)(\b[a-z][a-z0-9+.-]{1,20}://[^\s:/@""']{1,256}:)[^\s@/""']{1,256}@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"\bhf_[A-Za-z0-9]{20,}")]
    private static partial Regex HuggingFaceToken();

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b")]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"(?i)(\baws_secret_access_key[""']?\s*[:=]\s*[""']?)[A-Za-z0-9/+=]{40}")]
    private static partial Regex AwsSecretAccessKey();

    [GeneratedRegex(@"\bsk-(?:proj-|ant-|live-)?[A-Za-z0-9_-]{20,}")]
    private static partial Regex SkApiKey();

    [GeneratedRegex(@"(?i)(\bwandb(?:_api_key[""']?\s*[:=]\s*[""']?|\s+login\s+(?:--relogin\s+)?))[0-9a-f]{40}\b")]
    private static partial Regex WandbApiKey();

    [GeneratedRegex(@"(?i)(\b(?:[a-z0-9]+_)?(?:password|passwd|secret|api_key|apikey|access_token|auth_token|token)[""']?\s*[:=]\s*[""']?)(?!\[REDACTED\])[^\s""',;}\]]{6,}")]
    private static partial Regex SecretAssignment();
}
