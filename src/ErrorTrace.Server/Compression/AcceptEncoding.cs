using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ErrorTrace.Server.Compression;

/// <summary>Reads <c>Accept-Encoding</c> (RFC 9110 §12.5.3) for the one coding errortrace sends.</summary>
internal static class AcceptEncoding
{
    /// <summary>True when gzip is acceptable: named (or as the legacy <c>x-gzip</c>) with a non-zero weight, or left to
    /// <c>*</c> with a non-zero weight. <c>gzip;q=0</c> refuses it even beside <c>*</c>. A header that does not parse
    /// gets the identity body, which every client can read.</summary>
    public static bool AllowsGzip(StringValues header)
    {
        if (StringValues.IsNullOrEmpty(header)) return false;
        if (!StringWithQualityHeaderValue.TryParseList(header, out var codings)) return false;
        bool? named = null;
        var wildcard = false;
        foreach (var coding in codings)
        {
            var allowed = coding.Quality is not 0d;
            if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Value.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
                named = (named ?? false) || allowed;
            else if (coding.Value.Equals("*", StringComparison.Ordinal)) wildcard = allowed;
        }

        return named ?? wildcard;
    }
}
