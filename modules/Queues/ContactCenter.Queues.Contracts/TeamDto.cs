using ContactCenter.Kernel.Identity;

namespace ContactCenter.Queues.Contracts;

/// <summary>How a team hands out new conversations. Serialised as <c>auto</c> / <c>pool</c>.</summary>
public enum TeamRoutingMode
{
    /// <summary>The first available agent serving the product gets it (longest idle first).</summary>
    Auto,

    /// <summary>Every member sees it until one claims it.</summary>
    Pool,
}

public sealed record TeamDto(
    Guid Id,
    string Name,
    string? Description,
    TeamRoutingMode RoutingMode,
    IReadOnlyList<Guid> ChannelAccountIds,
    IReadOnlyList<TeamMemberDto> Members,
    DateTime CreatedAt);

/// <summary>A member as shown to people: name and role come from the Identity module at read time.</summary>
public sealed record TeamMemberDto(Guid UserId, string DisplayName, Role? Role);
