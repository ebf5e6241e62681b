using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Timeline;

/// <summary>
/// What <see cref="RecordRouting"/> looks up for a wave of <see cref="ConversationRouted"/> events (a backlog round's
/// chunk raises up to two hundred), read before the wave's handlers run with one query each: the contacts (which
/// <c>FindAsync</c> then answers from the unit of work), and the routing lines their conversations already have (a
/// retried batch raises the same events again). For the events of the prepared wave those lines are the whole truth;
/// any other event (a single one, which the dispatcher hands to no preparer) is looked up as before.
/// </summary>
internal sealed class RoutedContacts(ContactCenterDbContext db, ContactTimeline timeline) : IEventBatchPreparer<ConversationRouted>
{
    /// <summary>The kinds of line <see cref="RecordRouting"/> writes; nothing else writes them.</summary>
    public static readonly string[] Kinds = [TimelineKinds.Routed, TimelineKinds.OwnerNotified, TimelineKinds.FirstResponseTimeout, TimelineKinds.Transferred];

    // By reference: only these event instances are covered, never a later event about the same conversation.
    private HashSet<ConversationRouted> _covered = new(ReferenceEqualityComparer.Instance);
    private HashSet<Line> _lines = [];

    public async Task PrepareAsync(IReadOnlyList<ConversationRouted> batch, CancellationToken cancellationToken)
    {
        var contactIds = batch.Select(e => e.ContactId).Distinct().ToList();
        await db.Set<Contact>().Where(c => contactIds.Contains(c.Id)).LoadAsync(cancellationToken);
        var conversationIds = batch.Select(e => (Guid?)e.ConversationId).Distinct().ToList();
        var stored = await db.Set<TimelineEntry>().AsNoTracking()
            .Where(e => conversationIds.Contains(e.ConversationId) && Kinds.Contains(e.Kind))
            .Select(e => new Line(e.ConversationId!.Value, e.Kind, e.At, e.AgentId))
            .ToListAsync(cancellationToken);
        _lines = [.. stored];
        _covered = new HashSet<ConversationRouted>(batch, ReferenceEqualityComparer.Instance);
    }

    /// <summary>True when the contact's timeline already has this line (saved, or written earlier in this unit of work).</summary>
    public async Task<bool> HasLineAsync(ConversationRouted routed, string kind, CancellationToken cancellationToken) =>
        _covered.Contains(routed)
            ? _lines.Contains(new Line(routed.ConversationId, kind, routed.At, routed.AgentId))
            : await timeline.HasAsync(routed.ConversationId, kind, routed.At, routed.AgentId, cancellationToken);

    /// <summary>A line was written for this event: a second copy of it in the same wave is not written again.</summary>
    public void Wrote(ConversationRouted routed, string kind) => _lines.Add(new Line(routed.ConversationId, kind, routed.At, routed.AgentId));

    private sealed record Line(Guid ConversationId, string Kind, DateTime At, Guid? AgentId);
}
