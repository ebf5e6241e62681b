using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Identity.Auth;

/// <summary>Cookie login over JSON, for scripts and tests; the UI's login page uses the same check.</summary>
internal static class Login
{
    internal sealed record Request(string? UserName, string? Password);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/auth/login", async Task<Results<Ok<UserSummary>, ProblemHttpResult>> (
            Request request, VerifyPassword verify, HttpContext http, CancellationToken ct) =>
        {
            var result = await verify.HandleAsync(request.UserName, request.Password, ct);
            if (!result.Succeeded)
            {
                return LoginMessages.ToError(result).ToProblem();
            }

            var user = result.User!;
            await http.SignInAsync(
                CookieAuthenticationDefaults.AuthenticationScheme,
                Principals.ForUser(user.Id, user.DisplayName, user.Role, result.SecurityStamp!, CookieAuthenticationDefaults.AuthenticationScheme));
            return TypedResults.Ok(user);
        })
        .WithName("Login")
        .WithSummary("Log in with a cookie")
        .WithDescription("Sets the session cookie the web UI uses. Integrations should use API keys instead.")
        .WithTags("Authentication")
        .AllowAnonymous();
}
