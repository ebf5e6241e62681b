using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Agents;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using ContactCenter.Queues.Products;
using ContactCenter.Queues.Settings;
using ContactCenter.Queues.Teams;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues;

internal sealed class QueuesApi(ContactCenterDbContext db, TeamViews teams, AgentViews agents, RoutingSettingsStore settings) : IQueuesApi
{
    public Task<TeamDto?> FindTeamAsync(Guid teamId, CancellationToken cancellationToken) =>
        teams.LoadOneAsync(db.Set<Team>().Where(t => t.Id == teamId), cancellationToken);

    public Task<IReadOnlyList<TeamDto>> ListTeamsAsync(CancellationToken cancellationToken) =>
        teams.LoadAsync(db.Set<Team>(), cancellationToken);

    public async Task<ProductDto?> FindProductAsync(Guid productId, CancellationToken cancellationToken) =>
        (await db.Set<Product>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, cancellationToken))?.ToDto();

    public async Task<ProductDto?> FindProductBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var normalized = slug.Trim().ToLowerInvariant();
        return (await db.Set<Product>().AsNoTracking().FirstOrDefaultAsync(p => p.Slug == normalized, cancellationToken))?.ToDto();
    }

    public async Task<IReadOnlyList<ProductDto>> ListProductsAsync(CancellationToken cancellationToken) =>
        (await db.Set<Product>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken)).Select(p => p.ToDto()).ToList();

    public Task<AgentDto?> FindAgentAsync(Guid userId, CancellationToken cancellationToken) =>
        agents.LoadOneAsync(userId, cancellationToken);

    public Task<RoutingSettingsDto> GetRoutingSettingsAsync(CancellationToken cancellationToken) =>
        settings.LoadAsync(cancellationToken);
}
