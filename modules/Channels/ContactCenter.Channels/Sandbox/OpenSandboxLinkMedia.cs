using ContactCenter.Conversations.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Channels.Sandbox;

/// <summary>
/// The public sandbox phone (<c>/s/{token}</c>) shows the pictures and files of its own thread: the link is the
/// credential, and only media of the link's account and number are served (404 for anything else, as for a guess).
/// Agents open media through <c>/api/v1/media/{id}</c>, under their visibility rule.
/// </summary>
internal static class OpenSandboxLinkMedia
{
    public static string PathFor(string token, Guid mediaId) => $"/api/v1/sandbox/links/{Uri.EscapeDataString(token)}/media/{mediaId}";

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/sandbox/links/{token}/media/{id:guid}", async Task<IResult> (string token, Guid id, SandboxPhone phone, IConversationsApi conversations, CancellationToken ct) =>
        {
            var linked = await phone.OpenLinkAsync(token, ct);
            if (linked.Value is not { } granted)
            {
                return TypedResults.NotFound();
            }

            return await conversations.FindContactMediaAsync(granted.Account.Id, granted.Phone, id, ct) is { } file
                ? TypedResults.PhysicalFile(file.Path, file.ContentType, file.FileName)
                : TypedResults.NotFound();
        })
        .WithName("OpenSandboxLinkMedia")
        .WithSummary("A media file of the public sandbox phone's own thread")
        .WithDescription("No login: the signed link grants its account and number; 404 for a bad link or a file of any other thread.")
        .WithTags("Sandbox")
        .AllowAnonymous();
}
