using ContactCenter.Kernel.Events;

namespace ContactCenter.Templates.Contracts;

/// <summary>
/// A template message was accepted by the channel (the sender publishes it, inside its unit of work). Every one is
/// billed by Meta whether or not the contact answers, so the Templates module counts them per agent, team, channel
/// account and day.
/// </summary>
public sealed record TemplateMessageSent(
    Guid MessageId,
    Guid TemplateId,
    Guid ConversationId,
    Guid ChannelAccountId,
    Guid? AgentId,
    Guid? TeamId,
    DateTime SentAt) : IDomainEvent;
