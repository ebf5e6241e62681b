using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Media;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Messages;

/// <summary>A contact's side of a channel account: what the sandbox phone shows (no agent visibility rule applies).</summary>
internal sealed class ContactThreads(ContactCenterDbContext db, MediaStore store)
{
    /// <summary>A phone screen shows the latest; older history stays in the agents' views.</summary>
    public const int MaxMessages = 200;

    public async Task<ContactThread> ListAsync(Guid channelAccountId, string phone, CancellationToken cancellationToken)
    {
        var conversations = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.ChannelAccountId == channelAccountId && c.ContactPhone == phone)
            .Select(c => new { c.Id, c.CreatedAt, c.WindowClosesAt })
            .ToListAsync(cancellationToken);
        if (conversations.Count == 0)
        {
            return new ContactThread([], null);
        }

        var ids = conversations.Select(c => c.Id).ToList();
        var latest = await db.Set<Message>().AsNoTracking()
            .Where(m => ids.Contains(m.ConversationId))
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(MaxMessages)
            .ToListAsync(cancellationToken);
        latest.Reverse();
        var window = conversations.OrderByDescending(c => c.CreatedAt).First().WindowClosesAt;
        return new ContactThread(await MessageViews.ToDtosAsync(db, latest, cancellationToken), window);
    }

    /// <summary>A file of this contact's thread on this account, once downloaded; any other id is simply not there.</summary>
    public async Task<ContactMediaFile?> FindMediaAsync(Guid channelAccountId, string phone, Guid mediaId, CancellationToken cancellationToken)
    {
        var file = await (
            from media in db.Set<MediaFile>().AsNoTracking()
            join message in db.Set<Message>() on media.MessageId equals message.Id
            join conversation in db.Set<Conversation>() on message.ConversationId equals conversation.Id
            where media.Id == mediaId && conversation.ChannelAccountId == channelAccountId && conversation.ContactPhone == phone
            select media).FirstOrDefaultAsync(cancellationToken);
        return file is { Status: MediaStatus.Downloaded, StoragePath: { } relative }
            ? new ContactMediaFile(store.FullPath(relative), file.MimeType ?? "application/octet-stream", file.FileName)
            : null;
    }
}
