using System.Text.RegularExpressions;

namespace ErrorTrace.Core.Redaction;

/// <summary>
/// Secrets training logs print, in the order they are applied. Order matters: blocks, headers and URLs run before the
/// token-shape rules, so a token inside a header is replaced once with its header name kept, and the assignment rule
/// runs last so a value already masked by a shape rule is not masked twice. Every pattern is anchored on a literal
/// prefix or a word boundary and has no nested quantifiers, so it runs in linear time on any line.
/// Trade-off: the assignment rule masks any value of a name that ends in PASSWORD/SECRET/TOKEN/KEY, so a harmless
/// <c>sort_key=loss</c> is masked too; a leaked secret costs more than a masked setting.
/// </summary>
public static partial class RedactionRules
{
    public const string Mask = "[REDACTED]";

    /// <summary>What the private-key rule leaves: one marker for the whole block.</summary>
    public const string KeyBlockMask = "[REDACTED PRIVATE KEY]";

    internal static IReadOnlyList<RedactionRule> All { get; } =
    [
        // -----BEGIN RSA PRIVATE KEY----- … -----END RSA PRIVATE KEY----- (to the end of the text when the END is cut off).
        new("private-key-block", PrivateKeyBlock(), KeyBlockMask),
        // "Authorization: Bearer abc…", "authorization=Basic …" (requests' debug output, curl -v, header dumps).
        new("authorization-header", AuthorizationHeader(), "$1" + Mask),
        // A bare "Bearer eyJ…" outside a header (an exception message quoting the request).
        new("bearer-token", BearerToken(), "$1" + Mask),
        // Credentials in a URL: postgres://user:secret@host, https://user:token@huggingface.co.
        new("url-password", UrlPassword(), "$1" + Mask + "@"),
        // Signed or keyed URLs: ?X-Amz-Signature=…, &sig=…, ?access_token=…, ?key=….
        new("url-query-secret", UrlQuerySecret(), "$1" + Mask),
        // JSON Web Tokens anywhere (jwt=eyJ…, a cookie, a message): header.payload.signature, the header always "eyJ".
        new("jwt", JsonWebToken(), Mask),
        // GitHub: classic personal/OAuth/app/refresh tokens (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained github_pat_.
        new("github-token", GitHubToken(), Mask),
        // GitLab personal, deploy, runner, pipeline-trigger and CI job tokens (glpat-, gldt-, glrt-, glptt-, glcbt-).
        new("gitlab-token", GitLabToken(), Mask),
        // Slack bot/user/app/config tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe-, xapp-) and incoming-webhook URLs.
        new("slack-token", SlackToken(), Mask),
        new("slack-webhook", SlackWebhook(), "$1" + Mask),
        // Hugging Face user/org tokens: hf_ + 34 letters (older ones api_…; those are caught by secret-assignment).
        new("huggingface-token", HuggingFaceToken(), Mask),
        // AWS access key ids: AKIA (long-lived) or ASIA (session) + 16 upper-case letters/digits.
        new("aws-access-key-id", AwsAccessKeyId(), Mask),
        // aws_secret_access_key = 40 chars of base64 (only recognisable by its name).
        new("aws-secret-access-key", AwsSecretAccessKey(), "$1" + Mask),
        // AWS STS session tokens printed bare: base64 that starts with "IQoJb3JpZ2lu" (origin…) or the older "FwoGZXIvYXdz".
        new("aws-session-token", AwsSessionToken(), Mask),
        // OpenAI / Anthropic-style keys: sk-…, sk-proj-…, sk-ant-…; Stripe's sk_live_/rk_live_.
        new("sk-api-key", SkApiKey(), Mask),
        // Google API keys (AIza + 35), npm tokens (npm_ + 36), PyPI upload tokens (pypi-AgEIcHlwaS5vcmc…).
        new("google-api-key", GoogleApiKey(), Mask),
        new("npm-token", NpmToken(), Mask),
        new("pypi-token", PyPiToken(), Mask),
        // WANDB_API_KEY=<40 hex>, wandb login <40 hex>.
        new("wandb-api-key", WandbApiKey(), "$1" + Mask),
        // A known token prefix cut short by "…" (a line or message cut before the token was complete): the rules above
        // need the whole token, so the prefix alone would survive.
        new("cut-token", CutToken(), Mask + "…"),
        // Any other NAME=value or NAME: value where the name says it is a secret: MY_DB_PASSWORD=…, SECRET_KEY=…,
        // AWS_SESSION_TOKEN=…, hf_token: …, api_key=…, passwd=…, however short the value. Not masked: values that are
        // plainly not secrets (None, null, true/false, <pad>/[PAD] special tokens, an already masked value).
        new("secret-assignment", SecretAssignment(), "$1" + Mask),
    ];

    [GeneratedRegex(@"-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|\z)")]
    private static partial Regex PrivateKeyBlock();

    [GeneratedRegex(@"(?i)(\bauthorization[""']?\s*[:=]\s*[""']?(?:bearer|basic|token)\s+)[^\s""',;}\]]+")]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(?i)(\bbearer\s+)(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{12,}")]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"(?i)(\b[a-z][a-z0-9+.-]{1,20}://[^\s:/@""']{1,256}:)[^\s@/""']{1,256}@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?i)([?&](?:x-amz-signature|x-amz-security-token|x-goog-signature|x-goog-credential|sig|signature|access_token|token|key|api_key|apikey|password)=)(?!\[REDACTED\])[^&\s""'#]+")]
    private static partial Regex UrlQuerySecret();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")]
    private static partial Regex JsonWebToken();

    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"\bgl(?:pat|dt|rt|ptt|cbt|ft|imt|oas|soat)-[A-Za-z0-9_-]{20,}")]
    private static partial Regex GitLabToken();

    [GeneratedRegex(@"\b(?:xox[abeoprs]|xapp)-[A-Za-z0-9-]{10,}")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"(?i)(\bhooks\.slack\.com/(?:services|workflows|triggers)/)[A-Za-z0-9/_-]+")]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"\bhf_[A-Za-z0-9]{20,}")]
    private static partial Regex HuggingFaceToken();

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b")]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"(?i)(\baws_secret_access_key[""']?\s*[:=]\s*[""']?)[A-Za-z0-9/+=]{40}")]
    private static partial Regex AwsSecretAccessKey();

    [GeneratedRegex(@"\b(?:IQoJb3JpZ2lu|FwoGZXIvYXdz)[A-Za-z0-9/+=]{20,}")]
    private static partial Regex AwsSessionToken();

    [GeneratedRegex(@"\b(?:sk-(?:proj-|ant-|live-|svcacct-)?[A-Za-z0-9_-]{20,}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,})")]
    private static partial Regex SkApiKey();

    [GeneratedRegex(@"\bAIza[A-Za-z0-9_-]{35}")]
    private static partial Regex GoogleApiKey();

    [GeneratedRegex(@"\bnpm_[A-Za-z0-9]{36}\b")]
    private static partial Regex NpmToken();

    [GeneratedRegex(@"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{20,}")]
    private static partial Regex PyPiToken();

    [GeneratedRegex(@"(?i)(\bwandb(?:_api_key[""']?\s*[:=]\s*[""']?|\s+login\s+(?:--relogin\s+)?))[0-9a-f]{40}\b")]
    private static partial Regex WandbApiKey();

    [GeneratedRegex(@"\b(?:sk-|[sr]k_live_|gh[pousr]_|github_pat_|glpat-|xox[abeoprs]-|hf_|AKIA|ASIA|eyJ|AIza|npm_|pypi-)[A-Za-z0-9_.-]{2,}…")]
    private static partial Regex CutToken();

    [GeneratedRegex(@"(?i)(\b[a-z0-9_.-]{0,64}?(?:password|passwd|passphrase|secret|token|api_?key|private_?key|access_?key|_key)[""']?\s*[:=]\s*[""']?)(?!\[REDACTED)(?!(?:none|null|nil|true|false)\b)(?![<\[{(])[^\s""',;}\]]+")]
    private static partial Regex SecretAssignment();
}
