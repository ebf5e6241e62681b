using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Assignment;

/// <summary>
/// Loads the conversations a wave of <see cref="ConversationRouted"/> events names (a backlog round's chunk raises up
/// to two hundred) with one query before the wave's handlers run. <see cref="ApplyRouting"/> and the routing notices then
/// find each one with <c>FindAsync</c>, which answers a tracked key from the unit of work without asking the database.
/// </summary>
internal sealed class RoutedConversations(ContactCenterDbContext db) : IEventBatchPreparer<ConversationRouted>
{
    public async Task PrepareAsync(IReadOnlyList<ConversationRouted> batch, CancellationToken cancellationToken)
    {
        var ids = batch.Select(e => e.ConversationId).Distinct().ToList();
        await db.Set<Conversation>().Where(c => ids.Contains(c.Id)).LoadAsync(cancellationToken);
    }
}
