using ContactCenter.Kernel.Events;

namespace ContactCenter.Templates.Contracts;

/// <summary>
/// A template message was accepted by the channel (the sender publishes it, inside its unit of work). Every one is
/// billed by Meta whether or not the contact answers, so the Templates module counts them per agent, team, channel
/// account and day. <paramref name="ContactId"/> and <paramref name="TemplateName"/> let the contact's timeline say
/// "template X sent by Y" without asking this module or Conversations.
/// </summary>
public sealed record TemplateMessageSent(
    Guid MessageId,
    Guid TemplateId,
    Guid ConversationId,
    Guid ChannelAccountId,
    Guid? AgentId,
    Guid? TeamId,
    DateTime SentAt,
    Guid? ContactId = null,
    string? TemplateName = null) : IDomainEvent;
