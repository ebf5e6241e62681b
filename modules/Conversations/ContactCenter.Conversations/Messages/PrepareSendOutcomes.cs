using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// The outbox writes the verdicts of many sends in one save: before <see cref="RecordSendOutcome"/> and the delivery
/// notices handle them one by one, the batch's messages and their conversations are read with one query each (the
/// handlers find them in the unit of work, not with a query per verdict).
/// </summary>
internal sealed class PrepareSendOutcomes(ContactCenterDbContext db)
    : IEventBatchPreparer<OutboundMessageAccepted>, IEventBatchPreparer<OutboundMessageFailed>
{
    public Task PrepareAsync(IReadOnlyList<OutboundMessageAccepted> batch, CancellationToken cancellationToken) =>
        LoadAsync([.. batch.Select(e => e.HostMessageId)], cancellationToken);

    public Task PrepareAsync(IReadOnlyList<OutboundMessageFailed> batch, CancellationToken cancellationToken) =>
        LoadAsync([.. batch.Select(e => e.HostMessageId)], cancellationToken);

    private async Task LoadAsync(List<Guid> messageIds, CancellationToken cancellationToken)
    {
        var ids = messageIds.Distinct().ToList();
        var messages = await db.Set<Message>().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
        var conversations = messages.Select(m => m.ConversationId).Distinct().ToList();
        if (conversations.Count > 0)
        {
            await db.Set<Conversation>().Where(c => conversations.Contains(c.Id)).LoadAsync(cancellationToken);
        }
    }
}
