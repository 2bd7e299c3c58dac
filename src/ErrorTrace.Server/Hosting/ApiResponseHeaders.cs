using Microsoft.Net.Http.Headers;

namespace ErrorTrace.Server.Hosting;

/// <summary>
/// Headers every answer needs whatever wrote it (an endpoint, the problem-details writer, the auth challenge):
/// <c>X-Content-Type-Options: nosniff</c> everywhere, so no browser reads a report or a problem as HTML or script; and on
/// the API, <c>Cache-Control: private, no-cache</c> unless the endpoint chose otherwise and <c>Vary: Authorization</c>,
/// so no shared cache keeps one caller's answer for another. Two headers do not justify a security-headers library.
/// </summary>
internal static class ApiResponseHeaders
{
    public const string ApiPrefix = "/api";

    public static WebApplication UseApiResponseHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var isApi = context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.Ordinal);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (isApi)
                {
                    if (string.IsNullOrEmpty(headers.CacheControl)) headers.CacheControl = "private, no-cache";
                    if (!headers.Vary.Any(v => v is not null && v.Contains(HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase)))
                        headers.Append(HeaderNames.Vary, HeaderNames.Authorization);
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
