using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Temperature;

/// <summary>
/// A contact opened a conversation by themselves: a returning contact came back, and a person who wrote on WhatsApp
/// within minutes of their form is keen. Either warms the contact up (by the configured rules). An outreach an agent
/// started says nothing about the contact's interest.
/// </summary>
[RunsIn(EventPhase.Follow)]
internal sealed class WarmOnArrival(ContactCenterDbContext db, Thermometer thermometer) : IEventHandler<ConversationOpened>
{
    public async Task HandleAsync(ConversationOpened opened, CancellationToken cancellationToken)
    {
        if (opened.StartedByAgentId is not null || await db.Set<Contact>().FindAsync([opened.ContactId], cancellationToken) is not { } contact)
        {
            return;
        }

        var options = thermometer.Options;
        // The lead the arrival matched is in this unit of work already (the arrival linked it): no query.
        var lead = opened.LeadId is { } leadId ? await db.Set<Lead>().FindAsync([leadId], cancellationToken) : null;
        var quick = lead is { Source: not LeadSources.WhatsApp, ReachedWhatsAppAt: { } reached }
            && reached - lead.CreatedAt <= TimeSpan.FromMinutes(options.QuickWhatsAppMinutes);
        if (quick)
        {
            thermometer.Raise(contact, options.QuickWhatsApp, Thermometer.QuickWhatsAppRule, opened.OpenedAt, opened.ConversationId);
        }

        if (opened.IsReturning)
        {
            thermometer.Raise(contact, options.Returning, Thermometer.ReturningRule, opened.OpenedAt, opened.ConversationId);
        }
    }
}
