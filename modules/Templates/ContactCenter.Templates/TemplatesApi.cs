using ContactCenter.Kernel.Data;
using ContactCenter.Templates.Contracts;
using ContactCenter.Templates.Domain;
using ContactCenter.Templates.Manage;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Templates;

/// <summary>The facade: only approved templates leave the module for sending.</summary>
internal sealed class TemplatesApi(ContactCenterDbContext db) : ITemplatesApi
{
    public async Task<IReadOnlyList<ApprovedTemplate>> ListApprovedAsync(Guid channelAccountId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Template>().AsNoTracking()
            .Where(t => t.ChannelAccountId == channelAccountId && t.Status == TemplateStatuses.Approved)
            .OrderBy(t => t.Name).ThenBy(t => t.Language)
            .ToListAsync(cancellationToken);
        return rows.Select(t => t.ToApproved()).ToList();
    }

    public async Task<ApprovedTemplate?> FindApprovedAsync(Guid templateId, CancellationToken cancellationToken) =>
        await db.Set<Template>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId && t.Status == TemplateStatuses.Approved, cancellationToken) is { } t
            ? t.ToApproved()
            : null;

    public async Task<TemplateStatusView?> FindStatusAsync(Guid templateId, CancellationToken cancellationToken) =>
        await db.Set<Template>().AsNoTracking()
            .Where(t => t.Id == templateId)
            .Select(t => new TemplateStatusView(t.Id, t.ChannelAccountId, t.Name, t.Status, t.Reason))
            .FirstOrDefaultAsync(cancellationToken);
}
