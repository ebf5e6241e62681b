using Microsoft.AspNetCore.Localization;

namespace ContactCenter.Host.Ui;

/// <summary>
/// <c>GET /culture/set?culture=en[&amp;redirectUri=/]</c>: remembers the UI language in a cookie for a year and goes
/// back to <c>redirectUri</c>, else to the page the link was clicked on (its same-site <c>Referer</c>).
/// </summary>
internal static class CultureEndpoint
{
    public static void Map(IEndpointRouteBuilder app) => app
        .MapGet("/culture/set", (string? culture, string? redirectUri, HttpContext http) =>
        {
            var chosen = WebUiSetup.Cultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                return Results.Problem(
                    statusCode: 400,
                    title: "The request is invalid.",
                    detail: $"Unsupported culture; use one of: {string.Join(", ", WebUiSetup.Cultures.Select(c => c.Name))}.",
                    extensions: new Dictionary<string, object?> { ["code"] = "unsupported_culture" });
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = http.Request.IsHttps,
                });
            // Only a path on this site: an open redirect would make the link a phishing tool.
            return Results.LocalRedirect(LocalUrl.OrRoot(redirectUri ?? SameSiteReferer(http.Request)));
        })
        .AllowAnonymous()
        .ExcludeFromDescription();

    /// <summary>
    /// The switch links leave the target out on purpose: the address a link was rendered with goes stale when the
    /// user navigates in the circuit and clicks before the header re-renders; the browser's Referer never does.
    /// </summary>
    private static string? SameSiteReferer(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
        && string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? referer.PathAndQuery
            : null;
}
