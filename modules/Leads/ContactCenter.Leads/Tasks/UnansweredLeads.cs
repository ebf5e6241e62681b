using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contacts;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Intake;
using ContactCenter.Leads.Timeline;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Tasks;

/// <summary>
/// The sweep: form and API leads whose WhatsApp deadline passed without a message become unanswered-lead tasks
/// (routing hands them out in its next backlog round). Each lead is claimed with a conditional update, so when
/// several nodes sweep at once exactly one creates its task.
/// </summary>
internal sealed class UnansweredLeads(ContactCenterDbContext db, TimeProvider clock, ContactTimeline timeline, Names names, IDomainEvents events)
{
    private const int BatchSize = 100;

    /// <summary>Creates the tasks that are due now; answers how many this call created.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var created = 0;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.Set<Lead>().AsNoTracking()
                .Where(l => l.WhatsAppDueAt <= now && l.ReachedWhatsAppAt == null && l.TaskCreatedAt == null)
                .OrderBy(l => l.WhatsAppDueAt)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return created;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var lead in due)
            {
                // The claim: another node that got here first makes this update touch no row.
                var claimed = await db.Set<Lead>()
                    .Where(l => l.Id == lead.Id && l.TaskCreatedAt == null && l.ReachedWhatsAppAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.TaskCreatedAt, now), cancellationToken);
                if (claimed == 1)
                {
                    await CreateTaskAsync(lead, now, cancellationToken);
                    created++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (due.Count < BatchSize)
            {
                return created;
            }
        }
    }

    private async Task CreateTaskAsync(Lead lead, DateTime now, CancellationToken cancellationToken)
    {
        var contact = await db.Set<Contact>().FindAsync([lead.ContactId], cancellationToken);
        var task = new LeadTask
        {
            LeadId = lead.Id,
            ContactId = lead.ContactId,
            ProductId = lead.ProductId,
            TeamId = contact?.TeamId,
            Status = LeadTaskStatus.Open,
            CreatedAt = now,
        };
        db.Set<LeadTask>().Add(task);
        var minutes = (int)Math.Round((now - lead.CreatedAt).TotalMinutes);
        timeline.Add(lead.ContactId, now, TimelineKinds.TaskCreated,
            $"Lead #{lead.Code} for {await names.ProductNameAsync(lead.ProductId, cancellationToken)} did not reach WhatsApp within {minutes} minutes: " +
            "an agent will call or e-mail the person.",
            new { lead.Code, taskId = task.Id }, productId: lead.ProductId);
        events.Raise(new UnansweredLeadTaskCreated(task.Id, lead.ContactId, lead.Id, lead.ProductId, task.TeamId, now));
    }
}
