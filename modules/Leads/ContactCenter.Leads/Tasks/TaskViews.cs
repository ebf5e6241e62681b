using ContactCenter.Kernel.Data;
using ContactCenter.Leads.Contacts;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Intake;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Tasks;

/// <summary>Tasks with what the agent needs to call the person: the name, phone and e-mail as typed on the lead.</summary>
internal sealed class TaskViews(ContactCenterDbContext db, Names names)
{
    public async Task<IReadOnlyList<LeadTaskDto>> LoadAsync(IReadOnlyList<LeadTask> tasks, CancellationToken cancellationToken)
    {
        var leadIds = tasks.Select(t => t.LeadId).ToList();
        var leads = await db.Set<Lead>().AsNoTracking().Where(l => leadIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        var contactIds = tasks.Select(t => t.ContactId).ToList();
        var contacts = await db.Set<Contact>().AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var views = new List<LeadTaskDto>();
        foreach (var t in tasks)
        {
            leads.TryGetValue(t.LeadId, out var lead);
            contacts.TryGetValue(t.ContactId, out var contact);
            views.Add(new LeadTaskDto(
                t.Id, t.LeadId, t.ContactId,
                lead?.Name ?? contact?.DisplayName, lead?.Email ?? contact?.Email, lead?.Phone ?? contact?.Phone,
                t.ProductId, (await names.ProductAsync(t.ProductId, cancellationToken))?.Name,
                t.TeamId, t.Status, t.AssignedAgentId, t.CreatedAt, t.DoneAt, t.Note));
        }

        return views;
    }
}
