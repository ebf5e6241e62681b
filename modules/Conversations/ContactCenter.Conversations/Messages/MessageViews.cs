using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Media;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Messages;

/// <summary>Messages with their file and edit history, as the API shows them (two extra queries per page, not per row).</summary>
internal static class MessageViews
{
    public static async Task<List<MessageDto>> ToDtosAsync(ContactCenterDbContext db, List<Message> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Select(m => m.Id).ToList();
        var media = await db.Set<MediaFile>().AsNoTracking().Where(f => ids.Contains(f.MessageId)).ToListAsync(cancellationToken);
        var edits = await db.Set<MessageEdit>().AsNoTracking().Where(e => ids.Contains(e.MessageId)).ToListAsync(cancellationToken);
        var mediaByMessage = media.GroupBy(f => f.MessageId).ToDictionary(g => g.Key, g => g.First());
        var editsByMessage = edits.ToLookup(e => e.MessageId);
        return [.. messages.Select(m => ToDto(
            m,
            mediaByMessage.GetValueOrDefault(m.Id),
            [.. editsByMessage[m.Id].OrderBy(e => e.EditedAt).Select(e => e.PreviousText)]))];
    }

    private static string State(MediaFile file) => file.Status switch
    {
        MediaStatus.Downloaded => "downloaded",
        MediaStatus.Failed => "failed",
        _ => file.Error is null ? "downloading" : "pending",
    };

    private static MessageDto ToDto(Message m, MediaFile? file, IReadOnlyList<string?> previousTexts) => new(
        m.Id,
        m.ConversationId,
        m.Direction == MessageDirection.Inbound ? MessageDirectionDto.Inbound : MessageDirectionDto.Outbound,
        m.Type,
        m.Text,
        file is null ? null : new MessageMediaDto(
            file.Id, file.MimeType, file.Size, file.FileName, file.Caption, file.Sha256, file.Status == MediaStatus.Downloaded, $"/api/v1/media/{file.Id}", State(file)),
        m.ProviderMessageId,
        m.Status,
        m.ErrorCode is null && m.ErrorText is null ? null : new MessageErrorDto(m.ErrorCode, m.ErrorText),
        m.CreatedAt,
        m.AuthorAgentId,
        m.ReplyToProviderMessageId,
        m.TargetProviderMessageId,
        m.Reaction is { } reaction ? [reaction] : [],
        m.EditedAt,
        previousTexts,
        m.RevokedAt,
        m.StructuredJson,
        m.SentByBot);
}
