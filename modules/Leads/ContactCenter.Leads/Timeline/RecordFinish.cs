using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contacts;

namespace ContactCenter.Leads.Timeline;

/// <summary>
/// A conversation was finished: the contact's timeline says by whom, and with which contact reason and note, so the
/// next agent sees how the last conversation ended. Idempotent like the routing lines.
/// </summary>
[RunsIn(EventPhase.Follow)]
internal sealed class RecordFinish(ContactCenterDbContext db, ContactTimeline timeline, Names names) : IEventHandler<ConversationFinished>
{
    public async Task HandleAsync(ConversationFinished finished, CancellationToken cancellationToken)
    {
        if (finished.ContactId is not { } contactId
            || await timeline.HasAsync(finished.ConversationId, TimelineKinds.Finished, finished.At, finished.AgentId, cancellationToken)
            || await db.Set<Contact>().FindAsync([contactId], cancellationToken) is null)
        {
            return;
        }

        var by = finished.ByUserId is null ? "an integration" : await names.AgentNameAsync(finished.ByUserId, cancellationToken);
        var text = $"Finished by {by}."
            + (finished.Reason is null ? string.Empty : $" Reason: {finished.Reason}.")
            + (finished.Description is null ? string.Empty : $" Note: {finished.Description}");
        timeline.Add(contactId, finished.At, TimelineKinds.Finished, text,
            new { byName = by, reason = finished.Reason, description = finished.Description, finished.ByUserId },
            finished.ConversationId, agentId: finished.AgentId);
    }
}
