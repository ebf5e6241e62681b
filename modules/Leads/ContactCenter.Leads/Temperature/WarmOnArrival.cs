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
        var lead = db.Set<Lead>().Local.FirstOrDefault(l => l.ConversationId == opened.ConversationId)
            ?? await db.Set<Lead>().AsNoTracking().FirstOrDefaultAsync(l => l.ConversationId == opened.ConversationId, cancellationToken);
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
