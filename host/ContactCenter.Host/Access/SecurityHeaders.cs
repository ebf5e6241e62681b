namespace ContactCenter.Host.Access;

/// <summary>
/// Headers on every response: no MIME sniffing, no framing (clickjacking), no referrer sent to other sites, and a
/// Content-Security-Policy that lets pages run only the scripts the application serves (no inline script, no eval).
/// Blazor Server works under it: its script is a file and its circuit a same-origin WebSocket. Styles may still be
/// inline (some pages keep a style block); that is a smaller risk than script and is listed in docs/security.md.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // On starting, not now: the exception handler and status pages clear headers set before them.
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
