using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Assignment;

/// <summary>
/// The conversations a wave of <see cref="ConversationRouted"/> events names (a backlog round's chunk raises up to a
/// hundred), read with one query before the wave's handlers run; <see cref="ApplyRouting"/> and the routing notices
/// then find each one in the unit of work instead of asking the database per event. For the events of the prepared
/// wave the unit of work is the whole truth: a conversation not tracked does not exist. Any other event (a single one,
/// which the dispatcher hands to no preparer) is looked up as before.
/// </summary>
internal sealed class RoutedConversations(ContactCenterDbContext db) : IEventBatchPreparer<ConversationRouted>
{
    // By reference: only these event instances are covered, never a later event about the same conversation (after
    // the round cleared its unit of work, say).
    private HashSet<ConversationRouted> _covered = new(ReferenceEqualityComparer.Instance);

    public async Task PrepareAsync(IReadOnlyList<ConversationRouted> batch, CancellationToken cancellationToken)
    {
        var ids = batch.Select(e => e.ConversationId).Distinct().ToList();
        await db.Set<Conversation>().Where(c => ids.Contains(c.Id)).LoadAsync(cancellationToken);
        _covered = new HashSet<ConversationRouted>(batch, ReferenceEqualityComparer.Instance);
    }

    /// <summary>The routed conversation (tracked: changes are saved with the unit of work), or null when there is none.</summary>
    public async Task<Conversation?> FindAsync(ConversationRouted routed, CancellationToken cancellationToken) =>
        _covered.Contains(routed)
            ? db.Tracked<Conversation>().FindEntry(routed.ConversationId)?.Entity
            // Find looks at the tracked rows first: a conversation opened in this unit of work is not saved yet.
            : await db.Set<Conversation>().FindAsync([routed.ConversationId], cancellationToken);
}
