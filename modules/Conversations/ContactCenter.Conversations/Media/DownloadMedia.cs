using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Listing;
using ContactCenter.Conversations.Messages;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Media;

/// <summary>A received file, to whoever may see its conversation (404 otherwise, so its existence is not leaked).</summary>
internal static class DownloadMedia
{
    internal sealed record StoredFile(string Path, string ContentType, string? FileName);

    internal sealed class Handler(ContactCenterDbContext db, ConversationVisibility visibility, MediaStore store)
    {
        public async Task<Result<StoredFile>> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var visible = await visibility.ApplyAsync(db.Set<Conversation>().AsNoTracking(), cancellationToken);
            var file = await (
                from media in db.Set<MediaFile>().AsNoTracking()
                join message in db.Set<Message>() on media.MessageId equals message.Id
                join conversation in visible on message.ConversationId equals conversation.Id
                where media.Id == id
                select media).FirstOrDefaultAsync(cancellationToken);
            if (file is null)
            {
                return Error.NotFound("The media file");
            }

            if (file is not { Status: MediaStatus.Downloaded, StoragePath: { } relative })
            {
                return Error.Conflict("media_not_downloaded", "The file has not been downloaded from the channel (yet).");
            }

            return new StoredFile(store.FullPath(relative), file.MimeType ?? "application/octet-stream", file.FileName);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/media/{id:guid}", async Task<IResult> (Guid id, Handler handler, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(id, ct);
            return result.IsSuccess
                ? Results.File(result.Value.Path, result.Value.ContentType, result.Value.FileName)
                : result.Error.ToProblem();
        })
        .WithName("DownloadMedia")
        .WithSummary("Download a received media file")
        .WithDescription("404 when it does not exist or the caller may not see its conversation; 409 while not yet downloaded.")
        .WithTags("Messages")
        .RequireAuthorization(Policies.Agent);
}
