using Microsoft.Net.Http.Headers;

namespace ContactCenter.Host.Ui;

/// <summary>
/// A person who types a wrong address gets the UI's "page not found" page; API clients, webhooks and scripts keep
/// getting RFC 7807 problem details. Only a GET for HTML outside the machine paths counts as a person.
/// </summary>
internal static class BrowserNotFound
{
    public const string PagePath = "/not-found";

    private static readonly string[] MachinePaths = ["/api", "/webhooks", "/health", "/swagger", "/_blazor", "/_framework", "/_content"];

    public static void UseStatusPages(this IApplicationBuilder app)
    {
        app.UseWhen(WantsPage, page => page.UseStatusCodePagesWithReExecute(PagePath));
        app.UseWhen(context => !WantsPage(context), api => api.UseStatusCodePages());
    }

    /// <summary>The classic <c>/favicon.ico</c> that browsers ask for on pages without an icon link (JSON, files).</summary>
    public static void MapFavicon(this IEndpointRouteBuilder app, IWebHostEnvironment environment) => app
        .MapGet("/favicon.ico", () => Results.File(environment.WebRootFileProvider.GetFileInfo("favicon.svg").CreateReadStream(), "image/svg+xml"))
        .AllowAnonymous()
        .ExcludeFromDescription();

    private static bool WantsPage(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        if (MachinePaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // Browsers list text/html first in Accept; fetch() and API clients ask for JSON or anything.
        return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
