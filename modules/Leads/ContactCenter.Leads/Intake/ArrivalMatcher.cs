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
    // Stored contacts whose leads PrepareAsync read into this unit of work, and those of them with a stored arrival.
    private readonly HashSet<Guid> _prepared = [];
    private readonly HashSet<Guid> _arrivedBefore = [];

    /// <summary>
    /// Stored contacts of an inbox batch are about to open conversations: their leads (tracked) and whether they
    /// arrived on WhatsApp before, read with one query each instead of three per contact. For these contacts the
    /// unit of work is then the whole truth, as it is for a contact added in it.
    /// </summary>
    public async Task PrepareAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken cancellationToken)
    {
        var ids = contactIds.Where(id => !_prepared.Contains(id)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        await db.Set<Lead>().Where(l => ids.Contains(l.ContactId)).LoadAsync(cancellationToken);
        var arrived = await db.Set<TimelineEntry>()
            .Where(e => ids.Contains(e.ContactId) && e.Kind == TimelineKinds.WhatsAppArrival)
            .Select(e => e.ContactId)
            .Distinct()
            .ToListAsync(cancellationToken);
        _arrivedBefore.UnionWith(arrived);
        _prepared.UnionWith(ids);
    }

    public async Task<Arrival> RecordAsync(Guid contactId, Guid conversationId, string? firstText, DateTime at, CancellationToken cancellationToken)
    {
        var contact = await db.Set<Contact>().FindAsync([contactId], cancellationToken)
            ?? throw new InvalidOperationException($"Contact {contactId} is unknown: UpsertAsync comes first.");

        // A contact created in this unit of work (a new phone, the common case) has nothing stored yet, and a prepared
        // one has its leads tracked: what they have is in the unit of work, and asking the database three questions
        // per contact was a tenth of an inbox batch's time.
        var isNew = db.Entry(contact).State == EntityState.Added;
        var local = isNew || _prepared.Contains(contactId);
        var hadArrival = local
            ? _arrivedBefore.Contains(contactId) || db.Tracked<TimelineEntry>().Any(e => e.ContactId == contactId && e.Kind == TimelineKinds.WhatsAppArrival)
            : await db.Set<TimelineEntry>().AnyAsync(e => e.ContactId == contactId && e.Kind == TimelineKinds.WhatsAppArrival, cancellationToken);

        var (lead, byCode) = await FindLeadAsync(contact, local, firstText, cancellationToken);
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

        var productId = lead?.ProductId ?? (local
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

    private async Task<(Lead? Lead, bool ByCode)> FindLeadAsync(Contact contact, bool local, string? firstText, CancellationToken cancellationToken)
    {
        var codes = LeadCodes.Candidates(firstText);
        if (codes.Count > 0
            && await db.Set<Lead>().FirstOrDefaultAsync(l => codes.Contains(l.Code) && l.ReachedWhatsAppAt == null, cancellationToken) is { } coded)
        {
            return (coded, true);
        }

        var byPhone = local
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
