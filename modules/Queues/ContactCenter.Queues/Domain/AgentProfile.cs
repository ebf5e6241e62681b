using ContactCenter.Queues.Contracts;

namespace ContactCenter.Queues.Domain;

/// <summary>The routing profile of a user who answers conversations (agents and supervisors).</summary>
internal sealed class AgentProfile
{
    public const int DefaultCapacity = 5;
    public const int MaxCapacity = 100;

    /// <summary>The Identity user's id; one profile per user.</summary>
    public Guid UserId { get; init; }

    public AgentPresence Presence { get; set; } = AgentPresence.Offline;

    /// <summary>When the presence last changed: routing picks the longest idle agent first.</summary>
    public DateTime PresenceChangedAt { get; set; }

    public int MaxConcurrentConversations { get; set; } = DefaultCapacity;

    /// <summary>False once the user is deactivated: routing never offers them work.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>
    /// Conversations and lead tasks assigned and not done. Written ONLY by routing's conditional updates
    /// (<c>ActiveCount &lt; Max</c> in the WHERE), never through a tracked entity, so two nodes cannot both take the last slot.
    /// </summary>
    public int ActiveCount { get; set; }

    /// <summary>When routing last gave the agent work: longest idle (oldest, never-assigned first) gets the next one.</summary>
    public DateTime? LastAssignedAt { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>Works an outreach queue: never dropped to away for a closed browser (seed 004).</summary>
    public bool InOutreachQueue { get; set; }

    /// <summary>Since when none of the agent's browsers is connected (null while one is); the presence sweeper reads it.</summary>
    public DateTime? DisconnectedSince { get; set; }

    public List<AgentProduct> Products { get; init; } = [];
}

/// <summary>A product the agent serves.</summary>
internal sealed class AgentProduct
{
    public Guid UserId { get; init; }

    public Guid ProductId { get; init; }
}
