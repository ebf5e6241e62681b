using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Identity.Auth;

internal static class Logout
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/auth/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        })
        .WithName("Logout")
        .WithSummary("Log out")
        .WithTags("Authentication")
        .AllowAnonymous();
}
