using ContactCenter.Kernel.Data;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Intake;
using ContactCenter.Leads.Timeline;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Contacts;

/// <summary>Contacts as the API and the pages show them, with team, owner and product names looked up.</summary>
internal sealed class ContactViews(ContactCenterDbContext db, Names names)
{
    public static ContactSummaryDto Summary(Contact c) => new(c.Id, c.DisplayName, c.Email, c.Phone, c.TeamId, c.OwnerAgentId, c.CreatedAt);

    public static TimelineEntryDto Entry(TimelineEntry e) => new(e.Id, e.At, e.Kind, e.Text, e.Data, e.ConversationId, e.ProductId, e.AgentId);

    public async Task<ContactDto> DetailAsync(Contact c, CancellationToken cancellationToken)
    {
        var leads = await db.Set<Lead>().AsNoTracking()
            .Where(l => l.ContactId == c.Id)
            .OrderByDescending(l => l.CreatedAt)
            .ThenByDescending(l => l.Id)
            .ToListAsync(cancellationToken);
        var leadViews = new List<LeadDto>();
        foreach (var l in leads)
        {
            leadViews.Add(new LeadDto(
                l.Id, l.Code, l.Source, l.ProductId, (await names.ProductAsync(l.ProductId, cancellationToken))?.Name, l.Name, l.Email, l.Phone,
                l.IsReturning, l.ReturningReason, l.CreatedAt, l.WhatsAppDueAt, l.ReachedWhatsAppAt, l.TaskCreatedAt));
        }

        return new ContactDto(
            c.Id, c.Name, c.ProfileName, c.DisplayName, c.Email, c.Phone, c.Cpf,
            c.TeamId, (await names.TeamAsync(c.TeamId, cancellationToken))?.Name,
            c.OwnerAgentId, (await names.AgentAsync(c.OwnerAgentId, cancellationToken))?.DisplayName,
            c.CreatedAt, c.UpdatedAt, leadViews, c.Temperature);
    }
}
