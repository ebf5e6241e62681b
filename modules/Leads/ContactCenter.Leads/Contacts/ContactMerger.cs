using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Intake;
using ContactCenter.Leads.Tasks;
using ContactCenter.Leads.Timeline;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Contacts;

/// <summary>
/// Two contacts turned out to be one person (the WhatsApp sender typed another phone on the form): ONE contact
/// remains, the one the channel knows (its phone is the truth, and conversations already point at it), carrying the
/// registered name, e-mail, CPF, team and owner of the other. Leads, tasks and timeline lines move over.
/// </summary>
internal sealed class ContactMerger(ContactCenterDbContext db, ContactTimeline timeline, IDomainEvents events)
{
    public async Task MergeAsync(Contact kept, Contact removed, DateTime at, CancellationToken cancellationToken)
    {
        if (kept.Id == removed.Id)
        {
            return;
        }

        var description = removed.Describe();
        kept.Name = removed.Name ?? kept.Name;
        kept.Email = removed.Email ?? kept.Email;
        kept.Cpf = removed.Cpf ?? kept.Cpf;
        kept.TeamId = removed.TeamId ?? kept.TeamId;
        kept.OwnerAgentId = removed.OwnerAgentId ?? kept.OwnerAgentId;
        kept.Phone ??= removed.Phone;
        kept.UpdatedAt = at;

        foreach (var lead in await Rows<Lead>(l => l.ContactId == removed.Id, cancellationToken))
        {
            lead.ContactId = kept.Id;
        }

        foreach (var task in await Rows<LeadTask>(t => t.ContactId == removed.Id, cancellationToken))
        {
            task.ContactId = kept.Id;
        }

        foreach (var entry in await Rows<TimelineEntry>(e => e.ContactId == removed.Id, cancellationToken))
        {
            entry.ContactId = kept.Id;
        }

        // The unique e-mail (and phone) must be free before the kept row takes them: EF orders the delete first.
        db.Remove(removed);
        timeline.Add(kept.Id, at, TimelineKinds.ContactsMerged,
            $"Merged with the contact {description}: the same person wrote on WhatsApp from {kept.Phone}.",
            new { removedContactId = removed.Id });
        events.Raise(new ContactsMerged(kept.Id, removed.Id, at));
    }

    /// <summary>Saved rows and rows added in this unit of work alike.</summary>
    private async Task<List<T>> Rows<T>(System.Linq.Expressions.Expression<Func<T, bool>> predicate, CancellationToken cancellationToken)
        where T : class
    {
        var saved = await db.Set<T>().Where(predicate).ToListAsync(cancellationToken);
        var local = db.Set<T>().Local.Where(predicate.Compile());
        return saved.Union(local).ToList();
    }
}
