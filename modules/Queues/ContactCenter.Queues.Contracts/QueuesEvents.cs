using ContactCenter.Kernel.Events;

namespace ContactCenter.Queues.Contracts;

/// <summary>An agent's presence changed (routing runs a backlog round when someone becomes available).</summary>
public sealed record AgentPresenceChanged(Guid UserId, AgentPresence Previous, AgentPresence Current, DateTime ChangedAt)
    : IDomainEvent;
