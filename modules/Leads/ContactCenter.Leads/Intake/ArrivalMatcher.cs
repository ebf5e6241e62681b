using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contacts;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Tasks;
using ContactCenter.Leads.Timeline;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Intake;

/// <summary>
/// A contact opened a conversation on WhatsApp. The lead it answers is the one whose code the first message carries
/// (the typed phone may be wrong: then the form contact and the WhatsApp contact are one person and are merged),
/// else the newest unreached lead of this contact (matched by phone). Runs in the inbox processor's unit of work.
/// </summary>
internal sealed class ArrivalMatcher(ContactCenterDbContext db, ContactMerger merger, ContactTimeline timeline, Names names, IDomainEvents events)
{
    public async Task<Arrival> RecordAsync(Guid contactId, Guid conversationId, string? firstText, DateTime at, CancellationToken cancellationToken)
    {
        var contact = await db.Set<Contact>().FindAsync([contactId], cancellationToken)
            ?? throw new InvalidOperationException($"Contact {contactId} is unknown: UpsertAsync comes first.");

        // A contact created in this unit of work (a new phone, the common case) has nothing stored yet: what it has is
        // tracked, and asking the database three questions per new contact was a tenth of an inbox batch's time.
        var isNew = db.Entry(contact).State == EntityState.Added;
        var hadArrival = isNew
            ? db.Tracked<TimelineEntry>().Any(e => e.ContactId == contactId && e.Kind == TimelineKinds.WhatsAppArrival)
            : await db.Set<TimelineEntry>().AnyAsync(e => e.ContactId == contactId && e.Kind == TimelineKinds.WhatsAppArrival, cancellationToken);

        var (lead, byCode) = await FindLeadAsync(contact, isNew, firstText, cancellationToken);
        if (lead is not null && lead.ContactId != contact.Id
            && await db.Set<Contact>().FindAsync([lead.ContactId], cancellationToken) is { } formContact)
        {
            await merger.MergeAsync(contact, formContact, at, cancellationToken);
        }

        if (lead is not null)
        {
            lead.ContactId = contact.Id;
            lead.ReachedWhatsAppAt = at;
            lead.ConversationId = conversationId;
            await CloseTaskAsync(lead, at, cancellationToken);
        }

        var productId = lead?.ProductId ?? (isNew
            ? db.Tracked<Lead>().Where(l => l.ContactId == contact.Id).OrderByDescending(l => l.CreatedAt).Select(l => (Guid?)l.ProductId).FirstOrDefault()
            : await db.Set<Lead>()
                .Where(l => l.ContactId == contact.Id)
                .OrderByDescending(l => l.CreatedAt)
                .Select(l => (Guid?)l.ProductId)
                .FirstOrDefaultAsync(cancellationToken));
        var isReturning = hadArrival || lead?.IsReturning == true;
        var reason = lead?.IsReturning == true
            ? lead.ReturningReason
            : hadArrival ? "This contact has written to us on WhatsApp before." : null;

        var product = productId is null ? null : await names.ProductNameAsync(productId, cancellationToken);
        var text = product is null ? "Contacted via WhatsApp." : $"Contacted via WhatsApp for product {product}.";
        if (lead is not null)
        {
            text += byCode ? $" Matched to lead #{lead.Code} by its code." : $" Matched to lead #{lead.Code} by phone.";
        }

        timeline.Add(contact.Id, at, TimelineKinds.WhatsAppArrival, text,
            new { leadCode = lead?.Code, matchedBy = lead is null ? null : byCode ? "code" : "phone" }, conversationId, productId);
        if (isReturning && reason is not null)
        {
            timeline.Add(contact.Id, at, TimelineKinds.ReturningNotice, $"Returning contact: {reason}", conversationId: conversationId, productId: productId);
        }

        return new Arrival(contact.Id, lead?.Id, productId, contact.TeamId, contact.OwnerAgentId, isReturning, reason);
    }

    private async Task<(Lead? Lead, bool ByCode)> FindLeadAsync(Contact contact, bool isNew, string? firstText, CancellationToken cancellationToken)
    {
        var codes = LeadCodes.Candidates(firstText);
        if (codes.Count > 0
            && await db.Set<Lead>().FirstOrDefaultAsync(l => codes.Contains(l.Code) && l.ReachedWhatsAppAt == null, cancellationToken) is { } coded)
        {
            return (coded, true);
        }

        var byPhone = isNew
            ? db.Tracked<Lead>().Where(l => l.ContactId == contact.Id && l.ReachedWhatsAppAt == null).OrderByDescending(l => l.CreatedAt).FirstOrDefault()
            : await db.Set<Lead>()
                .Where(l => l.ContactId == contact.Id && l.ReachedWhatsAppAt == null)
                .OrderByDescending(l => l.CreatedAt)
                .FirstOrDefaultAsync(cancellationToken);
        return (byPhone, false);
    }

    /// <summary>The person reached WhatsApp after all: nobody needs to call them any more.</summary>
    private async Task CloseTaskAsync(Lead lead, DateTime at, CancellationToken cancellationToken)
    {
        var task = await db.Set<LeadTask>().FirstOrDefaultAsync(t => t.LeadId == lead.Id && t.Status != LeadTaskStatus.Done, cancellationToken);
        if (task is not null)
        {
            task.Status = LeadTaskStatus.Done;
            task.DoneAt = at;
            task.Note = "The person wrote on WhatsApp.";
            events.Raise(new LeadTaskDone(task.Id, null, at)); // frees the agent's slot
        }
    }
}
