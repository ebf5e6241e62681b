using ContactCenter.Identity.Contracts;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Teams;

/// <summary>Turns team rows into DTOs, with members' names asked from Identity (its tables are not ours).</summary>
internal sealed class TeamViews(IIdentityApi identity)
{
    public async Task<IReadOnlyList<TeamDto>> LoadAsync(IQueryable<Team> query, CancellationToken cancellationToken)
    {
        var teams = await query.AsNoTracking()
            .Include(t => t.Members)
            .Include(t => t.ChannelAccounts)
            .OrderBy(t => t.Name)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (teams.Count == 0)
        {
            return [];
        }

        var users = (await identity.ListUsersAsync(cancellationToken)).ToDictionary(u => u.Id);
        return teams.Select(t => ToDto(t, users)).ToList();
    }

    public async Task<TeamDto?> LoadOneAsync(IQueryable<Team> query, CancellationToken cancellationToken) =>
        (await LoadAsync(query, cancellationToken)).SingleOrDefault();

    private static TeamDto ToDto(Team team, Dictionary<Guid, UserSummary> users) => new(
        team.Id,
        team.Name,
        team.Description,
        team.RoutingMode,
        team.ChannelAccounts.Select(c => c.ChannelAccountId).Order().ToList(),
        team.Members
            .Select(m => users.TryGetValue(m.UserId, out var user)
                ? new TeamMemberDto(m.UserId, user.DisplayName, user.Role)
                : new TeamMemberDto(m.UserId, m.UserId.ToString(), null))
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCulture)
            .ToList(),
        team.CreatedAt);
}
