using ContactCenter.Kernel.Audit;

namespace ContactCenter.Queues.Teams;

/// <summary>What the audit log keeps of a team: its settings, its channel accounts and its members (ids, sorted).</summary>
internal static class TeamAudit
{
    public static AuditTarget Target(Team team) => AuditTarget.Of("team", team.Id, team.Name);

    public static object Snapshot(Team team) => new
    {
        team.Name,
        team.Description,
        team.RoutingMode,
        ChannelAccountIds = team.ChannelAccounts.Select(c => c.ChannelAccountId).Order().ToList(),
    };

    public static object Members(Team team) => new { MemberIds = team.Members.Select(m => m.UserId).Order().ToList() };
}
