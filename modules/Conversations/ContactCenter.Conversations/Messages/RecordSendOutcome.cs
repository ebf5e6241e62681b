using System.Text.Json;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Templates.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// The sender's verdict on an agent's message: accepted gives it the provider's id (later delivery statuses find it
/// by that id) and the status <c>sent</c>; a failure shows the reason in plain words. Statuses never go back.
/// An accepted template is billable: it is announced so the Templates module counts it. The outbox's batches are read
/// ahead by <see cref="PrepareSendOutcomes"/> (found here in the unit of work).
/// </summary>
[RunsIn(EventPhase.Record)]
internal sealed class RecordSendOutcome(ContactCenterDbContext db, IDomainEvents events)
    : IEventHandler<OutboundMessageAccepted>, IEventHandler<OutboundMessageFailed>
{
    public async Task HandleAsync(OutboundMessageAccepted accepted, CancellationToken cancellationToken)
    {
        if (await db.Set<Message>().FindAsync([accepted.HostMessageId], cancellationToken) is not { } message)
        {
            return; // read receipts and messages from other modules have no message row here
        }

        message.ProviderMessageId ??= accepted.ProviderMessageId;
        var firstAcceptance = message.Status is null or "pending" or "queued";
        if (firstAcceptance)
        {
            message.Status = "sent";
        }

        if (firstAcceptance && message.Type == "template" && message.StructuredJson is { } json
            && JsonSerializer.Deserialize<SendTemplateMessage.TemplateRecord>(json) is { } template)
        {
            var conversation = await db.Set<Conversation>().AsNoTracking()
                .Where(c => c.Id == message.ConversationId).Select(c => new { c.TeamId, c.ContactId }).FirstAsync(cancellationToken);
            events.Raise(new TemplateMessageSent(
                message.Id, template.TemplateId, message.ConversationId, message.ChannelAccountId, message.AuthorAgentId, conversation.TeamId, accepted.At,
                conversation.ContactId, template.Name));
        }
    }

    public async Task HandleAsync(OutboundMessageFailed failed, CancellationToken cancellationToken)
    {
        if (await db.Set<Message>().FindAsync([failed.HostMessageId], cancellationToken) is not { } message)
        {
            return;
        }

        message.Status = "failed";
        message.ErrorCode = failed.ProviderCode ?? failed.ReasonCode;
        message.ErrorText = failed.PlainMessage;
    }
}
