using System.Text;

namespace ErrorTrace.Tests.Shared;

/// <summary>
/// Secrets as training logs print them, one of each shape the redaction rules know, for the tests that feed them into
/// every field and every surface (the service's report and job list, the CLI's text, JSON and Markdown). Each has the
/// text as printed and the fragment that must never come out. All are made up; none is a real credential.
/// Linked into the Core, Server and CLI test projects (tests/Shared).
/// </summary>
internal static class SecretCatalogue
{
    public static readonly (string Name, string Printed, string Fragment)[] All =
    [
        ("github-classic", "GITHUB=ghp_Zq8Xw2Lk9Vb4Nm7Rt1Yp3Hs6Dc0Fg5Jx8Qe", "Zq8Xw2Lk9Vb4Nm7Rt1Yp3Hs6Dc0Fg5"),
        ("github-oauth", "cloning with gho_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78", "Ab12Cd34Ef56Gh78Ij90Kl12"),
        ("github-fine-grained", "remote=github_pat_11ABCDEFG0123456789abc_ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210zyxwvutsrqponmlkjihgfed", "ZyXwVuTsRqPoNmLkJiHgFeDcBa98765"),
        ("gitlab", "token glpat-xY9zW8vU7tS6rQ5pO4nM", "xY9zW8vU7tS6rQ5pO4nM"),
        ("slack-bot", "notify via xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "AbCdEfGhIjKlMnOpQrStUvWx"),
        ("slack-webhook", "POST https://hooks.slack.com/services/T00000000/B11111111/XXXXxxxxYYYYyyyyZZZZzzzz failed", "XXXXxxxxYYYYyyyyZZZZzzzz"),
        ("jwt-bare", "jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSIsInJvbGUiOiJhZG1pbiJ9.s3cr3tS1gnatureQwErTy123", "eyJzdWIiOiJhbGljZSIsInJvbGUiOiJhZG1pbiJ9"),
        ("jwt-cookie", "cookie session=eyJ0eXAiOiJKV1QifQ.eyJleHAiOjE3MDAwMDAwMDB9.AbCdEf123456", "eyJleHAiOjE3MDAwMDAwMDB9"),
        ("db-password", "MY_DB_PASSWORD=pw7", "pw7"),
        ("secret-key", "SECRET_KEY=k3y", "k3y"),
        ("aws-session-token-assignment", "AWS_SESSION_TOKEN=Zm9vYmFyYmF6cXV4c2Vzc2lvbg", "Zm9vYmFyYmF6cXV4c2Vzc2lvbg"),
        ("aws-session-token-bare", "creds IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD", "IQoJb3JpZ2luX2VjEJr"),
        ("aws-key-id", "AWS_ACCESS_KEY_ID is AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        ("aws-secret", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG"),
        ("private-key", "-----BEGIN RSA PRIVATE KEY----- MIIEowIBAAKCAQEA7bq98sDfGhJk -----END RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA7bq98sDfGhJk"),
        ("url-credentials", "connecting to postgres://trainer:Hunter2Secret@db.internal:5432/runs", "Hunter2Secret"),
        ("url-signature", "GET https://bucket.s3.amazonaws.com/ckpt.pt?X-Amz-Signature=5f2b7c9d1e3a&X-Amz-Expires=60", "5f2b7c9d1e3a"),
        ("huggingface", "HF_TOKEN=hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567", "AbCdEfGhIjKlMnOpQrStUvWx"),
        ("openai", "OPENAI key sk-proj-Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLzXcVbNm", "Q1w2E3r4T5y6U7i8O9p0"),
        ("wandb", "wandb login 0123456789abcdef0123456789abcdef01234567", "0123456789abcdef0123456789abcdef"),
        ("bearer", "Authorization: Bearer abc.def-ghi_jkl0123456789", "abc.def-ghi_jkl0123456789"),
        ("password-prompt", "login failed password: tr0ub4dor", "tr0ub4dor"),
        ("api-key-json", "config {\"api_key\": \"k-9f8e7d\"}", "k-9f8e7d"),
    ];

    /// <summary>Every printed secret, space-separated: one line that holds the whole catalogue.</summary>
    public static string OneLine() => string.Join(" ; ", All.Select(s => s.Printed));

    /// <summary>Fragments of the catalogue found in <paramref name="text"/> (the test's failure message names them).</summary>
    public static IReadOnlyList<string> Survivors(string text) =>
        All.Where(s => text.Contains(s.Fragment, StringComparison.Ordinal)).Select(s => $"{s.Name}: {s.Fragment}").ToList();

    /// <summary>A failed training log that carries every secret in every place the engine reads text from: error and
    /// warning records, a traceback's frames (file, function, code), its message, a chained cause, and an exception
    /// line long enough that its evidence and summary are cut in the middle of a key.</summary>
    public static string Log()
    {
        var log = new StringBuilder();
        var n = 0;
        foreach (var (_, printed, _) in All)
        {
            n++;
            log.Append($"[2025-12-10 03:58:{n % 60:00}] [uploader] [ERROR] [Train] upload {n} failed: {printed}\n");
            log.Append($"[2025-12-10 03:59:{n % 60:00}] [uploader] [WARNING] [Train] retrying {n} with {printed}\n");
        }

        log.Append("Traceback (most recent call last):\n");
        foreach (var (_, printed, _) in All)
        {
            log.Append("  File \"/home/trainer/run.py\", line 10, in connect\n");
            log.Append($"    client = Client(\"{printed}\")\n");
        }

        log.Append("ConnectionError: could not reach the store with ").Append(OneLine()).Append('\n');
        log.Append("\nThe above exception was the direct cause of the following exception:\n\n");
        log.Append("Traceback (most recent call last):\n");
        log.Append("  File \"/home/trainer/train.py\", line 42, in main\n");
        log.Append("    upload(checkpoint)\n");
        // The key starts just before the 300th character: evidence and the summary are cut inside it.
        log.Append("RuntimeError: ").Append('x', 270).Append(" sk-proj-Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLzXcVbNm ").Append(OneLine()).Append('\n');
        return log.ToString();
    }
}
