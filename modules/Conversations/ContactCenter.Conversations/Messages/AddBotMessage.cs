using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// The chatbot's message: stored as the bot's (no agent signs it) with its outbox row, in the caller's unit of work, and
/// only while the 24-hour window is open (WhatsApp refuses free text after it; the bot never pays for a template).
/// The conversation may have been opened in this very unit of work, hence Find (which sees unsaved rows).
/// </summary>
internal sealed class AddBotMessage(ContactCenterDbContext db, IOutbox outbox, TimeProvider clock)
{
    public async Task<BotSendOutcome> AddAsync(Guid conversationId, string text, CancellationToken cancellationToken)
    {
        if (await db.Set<Conversation>().FindAsync([conversationId], cancellationToken) is not { } conversation
            || conversation.Status == ConversationStatus.Finished)
        {
            return BotSendOutcome.NoOpenConversation;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (conversation.WindowClosesAt is not { } closesAt || closesAt <= now)
        {
            return BotSendOutcome.WindowClosed;
        }

        var message = new Message
        {
            ConversationId = conversation.Id,
            ChannelAccountId = conversation.ChannelAccountId,
            Direction = MessageDirection.Outbound,
            Type = "text",
            Text = text,
            Status = "pending",
            // Never before what it answers: the thread's order is cause and effect even within one clock tick.
            CreatedAt = now > conversation.LastMessageAt ? now : conversation.LastMessageAt.AddMilliseconds(1),
            SentByBot = true,
        };
        db.Add(message);
        outbox.Enqueue(new OutboundRequest(message.Id, conversation.ChannelAccountId, new OutboundRecipient(conversation.ContactPhone), new SendText(text)));
        conversation.LastMessageAt = message.CreatedAt;
        return BotSendOutcome.Queued;
    }
}
