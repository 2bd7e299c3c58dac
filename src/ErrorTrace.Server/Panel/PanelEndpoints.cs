using System.Text;
using System.Text.Encodings.Web;

namespace ErrorTrace.Server.Panel;

/// <summary>The panel's pages and files, built from <c>web/</c> and embedded at build time: <c>/</c> (the job list),
/// <c>/jobs/{job_id}</c> (the panel full-page) and <c>/panel/*</c> (the ES modules a dashboard can embed). No auth here:
/// the pages hold no data; the browser calls the API with the token the user signs in with.</summary>
internal static class PanelEndpoints
{
    private const string PageSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    private static readonly (string Name, string ContentType)[] s_files =
    [
        ("error-trace-panel.js", "text/javascript; charset=utf-8"),
        ("error-trace-app.js", "text/javascript; charset=utf-8"),
        ("pages.css", "text/css; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapPanel(this IEndpointRouteBuilder app)
    {
        var files = s_files
            .Select(f => (f.Name, Asset: PanelAsset.Load(f.Name, f.ContentType)))
            .Where(f => f.Asset is not null)
            .ToDictionary(f => f.Name, f => f.Asset!, StringComparer.Ordinal);
        var page = PanelAsset.Load("index.html", "text/html; charset=utf-8");
        var template = page is null ? "<!doctype html><title>errortrace</title><p>The panel was not built." : Encoding.UTF8.GetString(page.Content);
        // Where frames' files live for the reader (Panel:PathMap "/opt/trainer/=>src/", Panel:LinkTemplate
        // "https://github.com/org/repo/blob/main/{file}#L{line}"): without a map, paths are shown, not linked.
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        template = template.Replace("%BODY_ATTRS%", BodyAttributes(configuration["Panel:LinkTemplate"], configuration["Panel:PathMap"]), StringComparison.Ordinal);
        var favicon = PanelAsset.Load("favicon.svg", "image/svg+xml");

        var group = app.MapGroup("").AllowAnonymous().ExcludeFromDescription();
        // GET and HEAD (Kestrel answers HEAD with the headers and no body).
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        group.MapMethods("/", methods, (HttpContext context) => Page(context, template));
        group.MapMethods("/jobs/{job_id}", methods, (HttpContext context) => Page(context, template));
        group.MapMethods("/failures", methods, (HttpContext context) => Page(context, template));
        group.MapMethods("/failures/{signature}", methods, (HttpContext context) => Page(context, template));
        if (favicon is not null)
        {
            // Browsers ask for /favicon.ico whatever the page links; both answer the same icon.
            IResult Icon(HttpRequest request, HttpResponse response)
            {
                response.Headers.CacheControl = "public, max-age=86400";
                var (body, etag) = favicon.Body.For(request, response);
                return Results.Bytes(body, favicon.ContentType, entityTag: etag);
            }

            group.MapMethods("/favicon.svg", methods, Icon);
            group.MapMethods("/favicon.ico", methods, Icon);
        }

        group.MapMethods("/panel/{file}", methods, (string file, HttpRequest request, HttpResponse response) =>
        {
            if (!files.TryGetValue(file, out var asset)) return Results.NotFound();
            response.Headers.CacheControl = "no-cache";
            response.Headers.XContentTypeOptions = "nosniff";
            // Dashboards on other origins load the module with <script type="module">, which needs CORS; it is public code.
            response.Headers.AccessControlAllowOrigin = "*";
            var (body, etag) = asset.Body.For(request, response);
            return Results.Bytes(body, asset.ContentType, entityTag: etag);
        });
        return app;
    }

    private static string BodyAttributes(string? linkTemplate, string? pathMap)
    {
        var attributes = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(linkTemplate)) attributes.Append(" data-link-template=\"").Append(HtmlEncoder.Default.Encode(linkTemplate)).Append('"');
        if (!string.IsNullOrWhiteSpace(pathMap)) attributes.Append(" data-path-map=\"").Append(HtmlEncoder.Default.Encode(pathMap)).Append('"');
        return attributes.ToString();
    }

    private static IResult Page(HttpContext context, string template)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = PageSecurityPolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        var html = template.Replace("%BASE%", HtmlEncoder.Default.Encode(context.Request.PathBase + "/"), StringComparison.Ordinal);
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
