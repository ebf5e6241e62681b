using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ContactCenter.Host.Ui;

internal static class AccountEndpoints
{
    public const string LoginPath = "/account/login";

    /// <summary>
    /// <c>POST /account/logout</c> from the header's form. Binding the form makes the antiforgery middleware
    /// refuse a post without the token, so another site cannot log a user out.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app) => app
        .MapPost("/account/logout", async (IFormCollection form, HttpContext http) =>
        {
            _ = form;
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(LoginPath);
        })
        .AllowAnonymous()
        .ExcludeFromDescription();
}
