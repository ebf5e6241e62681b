using ContactCenter.Channels.Contracts;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Media;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// Appends what the channels received to conversations, inside the inbox processor's transaction (never
/// saves: the inbox row's step does). An inbound message opens or extends the 24-hour service window. A message
/// that opened a conversation raises <see cref="ConversationOpened"/> once it is stored: routing runs after this
/// handler, never inside it.
/// </summary>
[RunsIn(EventPhase.Record)]
internal sealed class StoreInboundMessages(
    ContactCenterDbContext db,
    IContactsApi contacts,
    ConversationFinder conversations,
    MessageModifiers modifiers,
    MediaSignal media,
    MediaStore store,
    IDomainEvents events,
    InboundLookups lookups,
    TimeProvider clock)
    : IEventHandler<InboundMessageReceived>, IEventHandler<MessageEchoReceived>
{
    public static readonly TimeSpan ServiceWindow = TimeSpan.FromHours(24);

    public async Task HandleAsync(InboundMessageReceived received, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(received.ChannelAccountId, received.ProviderMessageId, cancellationToken))
        {
            return;
        }

        var contact = await contacts.UpsertAsync(Sender(received.From), cancellationToken);
        var (conversation, opened) = await conversations.FindOrOpenAsync(received.ChannelAccountId, contact, received.OccurredAt, received.Content.Text, cancellationToken);
        var message = Append(conversation, MessageDirection.Inbound, received.ProviderMessageId, received.OccurredAt, received.Content, received.ReplyToProviderMessageId);

        if (received.OccurredAt > conversation.LastMessageAt)
        {
            conversation.LastMessageAt = received.OccurredAt;
        }

        var closes = received.OccurredAt + ServiceWindow;
        if (conversation.WindowClosesAt is not { } current || closes > current)
        {
            conversation.WindowClosesAt = closes;
        }

        // "Resolved" holds until the contact writes again: now there is something to answer.
        if (conversation.Mark == ConversationMark.Resolved)
        {
            conversation.Mark = null;
        }

        // Unclaimed stays "new" until someone takes it; a claimed one now waits for its agent.
        if (conversation.Status == ConversationStatus.AwaitingContact)
        {
            conversation.Status = ConversationStatus.AwaitingAgent;
        }

        await modifiers.ApplyAsync(message, cancellationToken);
        RaiseOpened(opened);
        events.Raise(new ContactMessageStored(
            conversation.Id, message.Id, conversation.ContactId, conversation.ChannelAccountId, message.Text, received.OccurredAt, opened is not null));
    }

    public async Task HandleAsync(MessageEchoReceived echoed, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(echoed.ChannelAccountId, echoed.ProviderMessageId, cancellationToken))
        {
            return;
        }

        var contact = await contacts.UpsertAsync(Sender(echoed.To), cancellationToken);
        var (conversation, opened) = await conversations.FindOrOpenAsync(echoed.ChannelAccountId, contact, echoed.OccurredAt, null, cancellationToken);
        var message = Append(conversation, MessageDirection.Outbound, echoed.ProviderMessageId, echoed.OccurredAt, echoed.Content, null);
        message.Status = "sent";
        if (echoed.OccurredAt > conversation.LastMessageAt)
        {
            conversation.LastMessageAt = echoed.OccurredAt;
        }

        await modifiers.ApplyAsync(message, cancellationToken);
        RaiseOpened(opened);
    }

    private void RaiseOpened(ConversationOpened? opened)
    {
        if (opened is not null)
        {
            events.Raise(opened);
        }
    }

    private static InboundSender Sender(ChannelParty party) => new(party.Phone, party.ProviderUserId, party.ProfileName);

    /// <summary>Stored before, or earlier in this unit of work (a batch saves once, at its end).</summary>
    private async Task<bool> ExistsAsync(Guid channelAccountId, string providerMessageId, CancellationToken cancellationToken) =>
        lookups.TrackedMessages.Any(m => m.ChannelAccountId == channelAccountId && m.ProviderMessageId == providerMessageId)
        || (!lookups.HasMessages(channelAccountId, providerMessageId)
            && await db.Set<Message>().AnyAsync(m => m.ChannelAccountId == channelAccountId && m.ProviderMessageId == providerMessageId, cancellationToken));

    private Message Append(
        Conversation conversation, MessageDirection direction, string providerMessageId, DateTime at, ChannelMessageContent content, string? replyTo)
    {
        var message = new Message
        {
            ConversationId = conversation.Id,
            ChannelAccountId = conversation.ChannelAccountId,
            Direction = direction,
            Type = content.Type,
            Text = Cut(content.Text, 8000),
            ProviderMessageId = providerMessageId,
            CreatedAt = at,
            ReplyToProviderMessageId = Cut(replyTo, 200),
            TargetProviderMessageId = Cut(content.TargetProviderMessageId, 200),
            StructuredJson = content.StructuredJson,
            Reaction = content.Type == "reaction" ? Cut(content.Emoji, 50) : null,
        };
        db.Add(message);
        if (content.Media is { } file)
        {
            var stored = new MediaFile
            {
                MessageId = message.Id,
                ChannelAccountId = conversation.ChannelAccountId,
                ProviderMediaId = Cut(file.ProviderMediaId, 200)!,
                ProviderUrl = Cut(file.Url, 2000),
                MimeType = Cut(file.MimeType, 100),
                Sha256 = Cut(file.Sha256, 100),
                Caption = Cut(content.Text, 8000),
                FileName = Cut(file.FileName, 255),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(stored);
            if (InlineMedia.IsInline(file.ProviderMediaId))
            {
                InlineMedia.Store(store, stored, file.ProviderMediaId);
            }

            media.Wake();
        }

        return message;
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
