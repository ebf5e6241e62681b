using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Domain;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// What a routing decision weighs, read from the database: the teams, products and agents (with their names) of one
/// decision's scope or of the whole center, and the names a decision's event carries.
/// </summary>
internal sealed class RoutingSnapshots(ContactCenterDbContext db, IIdentityApi identity)
{
    /// <summary>Every team, product and agent: what a backlog round or a timeout sweep weighs.</summary>
    public Task<RoutingSnapshot> LoadAsync(CancellationToken cancellationToken) => LoadAsync(null, cancellationToken);

    /// <summary>
    /// What one decision can weigh (<paramref name="scope"/>: the teams it may go to and the agents it names), or
    /// everything (null). A single conversation never loads every user: only the candidates of its teams get read,
    /// with their names.
    /// </summary>
    public async Task<RoutingSnapshot> LoadAsync(SnapshotScope? scope, CancellationToken cancellationToken)
    {
        IQueryable<Team> teamQuery = db.Set<Team>().AsNoTracking();
        IQueryable<Product> productQuery = db.Set<Product>().AsNoTracking();
        IQueryable<AgentProfile> profileQuery = db.Set<AgentProfile>().AsNoTracking();
        if (scope is not null)
        {
            Guid[] productIds = scope.ProductId is { } product ? [product] : [];
            var productTeams = await productQuery.Where(x => productIds.Contains(x.Id)).Select(x => x.TeamId).ToListAsync(cancellationToken);
            var teamIds = scope.TeamIds.OfType<Guid>().Concat(productTeams).Distinct().ToList();
            var channel = scope.ChannelAccountId;
            teamQuery = teamQuery.Where(t => teamIds.Contains(t.Id) || (channel != null && t.ChannelAccounts.Any(c => c.ChannelAccountId == channel)));
            productQuery = productQuery.Where(x => productIds.Contains(x.Id));
            var agentIds = scope.AgentIds.OfType<Guid>().Distinct().ToList();
            var members = db.Set<TeamMember>().Where(m => teamQuery.Any(t => t.Id == m.TeamId)).Select(m => m.UserId);
            profileQuery = profileQuery.Where(a => agentIds.Contains(a.UserId) || members.Contains(a.UserId));
        }

        // Split: one query per collection, not a members × accounts cartesian product (EF warns about it too).
        var teams = await teamQuery.Include(t => t.Members).Include(t => t.ChannelAccounts).AsSplitQuery().ToListAsync(cancellationToken);
        var products = await productQuery.Select(p => new { p.Id, p.TeamId, p.Name }).ToListAsync(cancellationToken);
        var profiles = await profileQuery.Include(a => a.Products).ToListAsync(cancellationToken);
        var names = (await identity.FindUsersAsync([.. profiles.Select(p => p.UserId)], cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);

        var snapshot = new RoutingSnapshot();
        foreach (var p in products)
        {
            snapshot.AddProduct(p.Id, p.TeamId, p.Name);
        }

        foreach (var profile in profiles)
        {
            snapshot.AddAgent(ToState(profile, names.GetValueOrDefault(profile.UserId) ?? profile.UserId.ToString()));
        }

        foreach (var team in teams)
        {
            var state = new TeamState(team.Id, team.Name, team.RoutingMode);
            state.ChannelAccountIds.UnionWith(team.ChannelAccounts.Select(c => c.ChannelAccountId));
            state.Members.AddRange(team.Members.Select(m => snapshot.FindAgent(m.UserId)).OfType<AgentState>());
            snapshot.AddTeam(state);
        }

        return snapshot;
    }

    private static AgentState ToState(AgentProfile profile, string name) => new(profile.UserId, name)
    {
        IsActive = profile.IsActive,
        Presence = profile.Presence,
        PresenceChangedAt = profile.PresenceChangedAt,
        ActiveCount = profile.ActiveCount,
        MaxConcurrentConversations = profile.MaxConcurrentConversations,
        LastAssignedAt = profile.LastAssignedAt,
        ProductIds = profile.Products.Select(p => p.ProductId).ToHashSet(),
    };

    /// <summary>Names from the snapshot; the rare one it lacks (a supervisor outside the decision's teams) read by id.</summary>
    public async Task<RoutedNames> NamesAsync(RoutingSnapshot snapshot, Guid?[] people, Guid? teamId, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var id in people.OfType<Guid>())
        {
            if (snapshot.FindAgent(id) is { } agent)
            {
                names[id] = agent.Name;
            }
        }

        var missing = people.OfType<Guid>().Where(id => !names.ContainsKey(id)).Distinct().ToList();
        foreach (var user in await identity.FindUsersAsync(missing, cancellationToken))
        {
            names[user.Id] = user.DisplayName;
        }

        var team = snapshot.FindTeam(teamId)?.Name;
        if (team is null && teamId is { } id2)
        {
            team = await db.Set<Team>().AsNoTracking().Where(t => t.Id == id2).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        }

        return new RoutedNames(names, team);
    }
}

/// <summary>Who and where a decision names, as display names.</summary>
internal sealed record RoutedNames(IReadOnlyDictionary<Guid, string> People, string? Team)
{
    public string? Person(Guid? id) => id is { } known ? People.GetValueOrDefault(known) : null;
}
