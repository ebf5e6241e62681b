using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contacts;
using ContactCenter.Templates.Contracts;

namespace ContactCenter.Leads.Timeline;

/// <summary>
/// A template reached the channel: the contact's timeline says which one and who sent it, so the next agent knows the
/// contact was already written to (and billed for) before sending another (seed 004). Idempotent: a retried
/// acceptance raises the same event again.
/// </summary>
[RunsIn(EventPhase.Follow)]
internal sealed class RecordTemplateSends(ContactCenterDbContext db, ContactTimeline timeline, Names names) : IEventHandler<TemplateMessageSent>
{
    public async Task HandleAsync(TemplateMessageSent sent, CancellationToken cancellationToken)
    {
        var at = DateTime.SpecifyKind(sent.SentAt, DateTimeKind.Utc);
        if (sent.ContactId is not { } contactId
            || await timeline.HasAsync(sent.ConversationId, TimelineKinds.TemplateSent, at, sent.AgentId, cancellationToken)
            || await db.Set<Contact>().FindAsync([contactId], cancellationToken) is null)
        {
            return;
        }

        var by = sent.AgentId is null ? "an integration" : await names.AgentNameAsync(sent.AgentId, cancellationToken);
        var template = sent.TemplateName ?? "?";
        timeline.Add(contactId, at, TimelineKinds.TemplateSent, $"Template {template} sent by {by}.",
            new { template, byName = by, messageId = sent.MessageId }, sent.ConversationId, agentId: sent.AgentId);
    }
}
