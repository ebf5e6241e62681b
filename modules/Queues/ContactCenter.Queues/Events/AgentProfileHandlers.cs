using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Agents;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Events;

/// <summary>Agents and supervisors get a routing profile as soon as their user exists (saved with the step that raised it).</summary>
[RunsIn(EventPhase.Record)]
internal sealed class CreateAgentProfileOnUserCreated(AgentProfiles profiles) : IEventHandler<UserCreated>
{
    public async Task HandleAsync(UserCreated domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.Role is Role.Agent or Role.Supervisor)
        {
            await profiles.EnsureAsync(domainEvent.UserId, cancellationToken);
        }
    }
}

/// <summary>A deactivated user stops being routable at once: inactive and offline.</summary>
[RunsIn(EventPhase.Record)]
internal sealed class FollowUserActivation(ContactCenterDbContext db, TimeProvider clock, IDomainEvents events)
    : IEventHandler<UserActivationChanged>
{
    public async Task HandleAsync(UserActivationChanged domainEvent, CancellationToken cancellationToken)
    {
        var profile = await db.Set<AgentProfile>().FirstOrDefaultAsync(a => a.UserId == domainEvent.UserId, cancellationToken);
        if (profile is null)
        {
            return;
        }

        profile.IsActive = domainEvent.IsActive;
        if (!domainEvent.IsActive && profile.Presence != AgentPresence.Offline)
        {
            var previous = profile.Presence;
            profile.Presence = AgentPresence.Offline;
            profile.PresenceChangedAt = clock.GetUtcNow().UtcDateTime;
            events.Raise(
                new AgentPresenceChanged(profile.UserId, previous, AgentPresence.Offline, profile.PresenceChangedAt));
        }
    }
}
