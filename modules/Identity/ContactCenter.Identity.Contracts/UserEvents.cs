using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Identity;

namespace ContactCenter.Identity.Contracts;

/// <summary>A user account was created (Queues gives agents a routing profile).</summary>
public sealed record UserCreated(Guid UserId, string UserName, string DisplayName, Role Role) : IDomainEvent;

/// <summary>A user was deactivated or reactivated (routing stops offering them work).</summary>
public sealed record UserActivationChanged(Guid UserId, bool IsActive) : IDomainEvent;
