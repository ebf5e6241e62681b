using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Identity.Auth;

internal static class Me
{
    internal sealed record Response(Guid Id, string? Name, Role? Role, bool IsApiKey);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/auth/me", (ICurrentUser user) =>
            TypedResults.Ok(new Response(user.UserId!.Value, user.DisplayName, user.Role, user.IsApiKey)))
        .WithName("GetCurrentUser")
        .WithSummary("Who am I")
        .WithDescription("The user or API key the request is authenticated as, and its role.")
        .WithTags("Authentication");
}
