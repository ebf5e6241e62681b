using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contacts;
using ContactCenter.Tickets.Contracts;

namespace ContactCenter.Leads.Timeline;

/// <summary>
/// Tickets on the contact's timeline: the next agent sees that a request is open (and what became of it) before answering.
/// Only tickets with a requester are the contact's; an internal ticket has none.
/// </summary>
[RunsIn(EventPhase.Follow)]
internal sealed class RecordTickets(ContactCenterDbContext db, ContactTimeline timeline, Names names)
    : IEventHandler<TicketOpened>, IEventHandler<TicketStatusChanged>
{
    public async Task HandleAsync(TicketOpened opened, CancellationToken cancellationToken)
    {
        if (opened.ContactId is not { } contactId || await db.Set<Contact>().FindAsync([contactId], cancellationToken) is null)
        {
            return;
        }

        var by = opened.ById is null ? "an integration" : await names.AgentNameAsync(opened.ById, cancellationToken);
        timeline.Add(contactId, opened.At, TimelineKinds.TicketOpened, $"Ticket #{opened.Number} opened by {by}: {opened.Title}",
            new { number = opened.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), title = opened.Title, byName = by }, opened.ConversationId);
    }

    public async Task HandleAsync(TicketStatusChanged changed, CancellationToken cancellationToken)
    {
        if (changed.ContactId is not { } contactId || await db.Set<Contact>().FindAsync([contactId], cancellationToken) is null)
        {
            return;
        }

        var by = changed.ById is null ? "an integration" : await names.AgentNameAsync(changed.ById, cancellationToken);
        timeline.Add(contactId, changed.At, TimelineKinds.TicketStatus, $"Ticket #{changed.Number}: {changed.From} → {changed.To} by {by}",
            new { number = changed.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), from = changed.From.ToString(), to = changed.To.ToString(), byName = by });
    }
}
