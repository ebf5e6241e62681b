using ContactCenter.Kernel.Events;

namespace ContactCenter.Channels.Contracts;

/// <summary>A channel account was added (a new number can now receive webhooks).</summary>
public sealed record ChannelAccountCreated(Guid ChannelAccountId, string PluginId, string Name) : IDomainEvent;

/// <summary>A channel account's name or settings changed (adapters built from the old settings are stale).</summary>
public sealed record ChannelAccountUpdated(Guid ChannelAccountId) : IDomainEvent;

/// <summary>A channel account was removed (its webhooks are no longer accepted).</summary>
public sealed record ChannelAccountDeleted(Guid ChannelAccountId) : IDomainEvent;
