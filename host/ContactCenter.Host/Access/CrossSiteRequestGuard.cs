using ContactCenter.Host.Ui;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ContactCenter.Host.Access;

/// <summary>
/// Refuses a browser's unsafe request (POST, PUT, PATCH, DELETE) sent by another site with the user's cookie, so a page
/// elsewhere cannot log someone out, change their presence or send messages in their name. The browser says where a
/// request comes from: <c>Sec-Fetch-Site</c> (all current browsers), else <c>Origin</c>. Requests with neither are
/// not from a browser page and go on (curl, tests, webhooks). Bearer API keys are never sent by a browser on its own,
/// so they are not checked. Blazor's forms and circuit are same-origin and go through.
/// </summary>
internal sealed class CrossSiteRequestGuard(RequestDelegate next, IProblemDetailsService problems, ILogger<CrossSiteRequestGuard> logger)
{
    public const string Code = "cross_site_request";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsUnsafe(request.Method) || UsesApiKey(request) || !CarriesSession(request) || IsSameOrigin(request))
        {
            await next(context);
            return;
        }

        logger.LogWarning(
            "{SecurityEvent}: {Method} {Path} with the session cookie from {Origin} (Sec-Fetch-Site {FetchSite}) was refused",
            "cross_site_request", request.Method, request.Path.Value, request.Headers.Origin.ToString(), request.Headers["Sec-Fetch-Site"].ToString());
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Requests from another site are refused.",
                Detail = "This change was sent by another site with your session: it was not done.",
                Extensions = { ["code"] = Code },
            },
        });
    }

    private static bool IsUnsafe(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static bool UsesApiKey(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>The session cookie, or a login form (signing a victim in as the attacker is a forgery too).</summary>
    private static bool CarriesSession(HttpRequest request) =>
        request.Cookies.ContainsKey(AccessControlSetup.CookieName)
        || request.Path.StartsWithSegments(AccountEndpoints.LoginPath, StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/api/v1/auth/login", StringComparison.OrdinalIgnoreCase);

    private static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            // "none": the user typed or bookmarked it. "same-site" is a sibling subdomain: not this application.
            return site is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        // Behind a TLS-terminating proxy the scheme may differ from the browser's; the host and port are what count.
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.IsDefaultPort ? uri.Host : uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
