using ContactCenter.Kernel.Identity;

namespace ContactCenter.Queues.Contracts;

/// <summary>Whether an agent takes new work. Serialised as <c>available</c> / <c>away</c> / <c>offline</c>.</summary>
public enum AgentPresence
{
    Offline,
    Available,
    Away,
}

/// <summary>
/// The routing profile of a user (agent or supervisor). <see cref="TeamIds"/> is read-only here: membership
/// is set on the team (<c>PUT /api/v1/teams/{id}/members</c>). <see cref="ActiveCount"/> is the load routing counts
/// against <see cref="MaxConcurrentConversations"/> (conversations and lead tasks assigned, not done);
/// <see cref="LastAssignedAt"/> orders agents by idle time (null: never assigned). <see cref="DisconnectedSince"/> is set
/// while none of the agent's browsers is connected; <see cref="InOutreachQueue"/> agents are never made away for that.
/// </summary>
public sealed record AgentDto(
    Guid UserId,
    string DisplayName,
    Role? Role,
    bool IsActive,
    AgentPresence Presence,
    DateTime PresenceChangedAt,
    int MaxConcurrentConversations,
    IReadOnlyList<Guid> TeamIds,
    IReadOnlyList<Guid> ProductIds,
    bool InOutreachQueue,
    DateTime? DisconnectedSince,
    int ActiveCount = 0,
    DateTime? LastAssignedAt = null);
