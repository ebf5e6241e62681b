using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// The sender's verdict on an agent's message: accepted gives it the provider's id (later delivery statuses find it
/// by that id) and the status <c>sent</c>; a failure shows the reason in plain words. Statuses never go back.
/// </summary>
internal sealed class RecordSendOutcome(ContactCenterDbContext db)
    : IEventHandler<OutboundMessageAccepted>, IEventHandler<OutboundMessageFailed>
{
    public async Task HandleAsync(OutboundMessageAccepted accepted, CancellationToken cancellationToken)
    {
        if (await db.Set<Message>().FirstOrDefaultAsync(m => m.Id == accepted.HostMessageId, cancellationToken) is not { } message)
        {
            return; // read receipts and messages from other modules have no message row here
        }

        message.ProviderMessageId ??= accepted.ProviderMessageId;
        if (message.Status is null or "pending" or "queued")
        {
            message.Status = "sent";
        }
    }

    public async Task HandleAsync(OutboundMessageFailed failed, CancellationToken cancellationToken)
    {
        if (await db.Set<Message>().FirstOrDefaultAsync(m => m.Id == failed.HostMessageId, cancellationToken) is not { } message)
        {
            return;
        }

        message.Status = "failed";
        message.ErrorCode = failed.ProviderCode ?? failed.ReasonCode;
        message.ErrorText = failed.PlainMessage;
    }
}
