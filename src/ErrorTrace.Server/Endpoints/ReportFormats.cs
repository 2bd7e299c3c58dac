using Microsoft.Net.Http.Headers;

namespace ErrorTrace.Server.Endpoints;

/// <summary>Reads <see cref="ReportFormat"/> from a request.</summary>
internal static class ReportFormats
{
    public const string MarkdownMediaType = "text/markdown";

    /// <summary>The format asked for; null when <c>?format=</c> names one the service does not write.</summary>
    public static ReportFormat? From(string? format, HttpRequest request)
    {
        if (format is not null)
        {
            return format.ToLowerInvariant() switch
            {
                "json" => ReportFormat.Json,
                "markdown" or "md" => ReportFormat.Markdown,
                _ => null,
            };
        }

        return PrefersMarkdown(request.GetTypedHeaders().Accept) ? ReportFormat.Markdown : ReportFormat.Json;
    }

    /// <summary>Markdown only when <c>Accept</c> names it and ranks it above JSON (browsers and most clients send
    /// <c>*/*</c> or <c>application/json</c>, and they keep getting the contract).</summary>
    private static bool PrefersMarkdown(IList<MediaTypeHeaderValue> accept)
    {
        double markdown = -1, json = -1;
        foreach (var value in accept)
        {
            var quality = value.Quality ?? 1.0;
            if (value.MediaType.Equals(MarkdownMediaType, StringComparison.OrdinalIgnoreCase)) markdown = Math.Max(markdown, quality);
            else if (value.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)) json = Math.Max(json, quality);
        }

        return markdown > 0 && markdown > json;
    }
}
