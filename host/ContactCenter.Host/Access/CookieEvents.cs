using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ContactCenter.Host.Access;

internal static class CookieEvents
{
    /// <summary>
    /// API callers get 401/403 problems instead of a redirect to the login page; and a cookie stops working
    /// as soon as its user is deactivated or their password or role changes (the security stamp moves).
    /// </summary>
    public static CookieAuthenticationEvents Create() => new()
    {
        OnRedirectToLogin = context => IsApi(context.Request)
            ? WriteProblemAsync(context.HttpContext, 401)
            : Redirect(context),
        OnRedirectToAccessDenied = context => IsApi(context.Request)
            ? WriteProblemAsync(context.HttpContext, 403)
            : Redirect(context),
        OnValidatePrincipal = async context =>
        {
            var id = context.Principal?.FindFirst(ClaimNames.UserId)?.Value;
            var stamp = context.Principal?.FindFirst(ClaimNames.SecurityStamp)?.Value;
            var identity = context.HttpContext.RequestServices.GetRequiredService<IIdentityApi>();
            if (!Guid.TryParse(id, out var userId) || stamp is null
                || !await identity.IsSessionValidAsync(userId, stamp, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            }
        },
    };

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task WriteProblemAsync(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = status,
                Title = status == 401 ? "Authentication is required." : "You may not do this.",
                Detail = status == 401
                    ? "Log in, or send 'Authorization: Bearer <API key>'."
                    : "Your role does not allow this action.",
            },
        });
    }
}
