using ContactCenter.Kernel.Events;

namespace ContactCenter.Conversations.Contracts;

/// <summary>
/// A contact's message opened a new conversation (inside the inbox transaction), or an agent started one (outreach,
/// <see cref="StartedByAgentId"/>). Routing decides who gets it from the arrival facts: product, the contact's team and
/// owner agent, returning or not; a conversation an agent started is theirs. <see cref="LeadId"/> is the lead the
/// arrival answered, if any.
/// </summary>
public sealed record ConversationOpened(
    Guid ConversationId,
    Guid ContactId,
    Guid ChannelAccountId,
    Guid? ProductId,
    Guid? TeamId,
    Guid? OwnerAgentId,
    bool IsReturning,
    DateTime OpenedAt,
    Guid? StartedByAgentId = null,
    Guid? LeadId = null) : IDomainEvent;

/// <summary>An agent (a user, not an API key) wrote in a conversation: the first-response clock stops.</summary>
public sealed record AgentReplied(Guid ConversationId, Guid AgentId, DateTime At) : IDomainEvent;

/// <summary>
/// A conversation was finished: its agent's capacity is free again. <paramref name="Reason"/> is the contact reason
/// chosen at wrap-up (its name as shown), <paramref name="Description"/> the agent's optional note; both null when
/// finished without one (by the inactivity close, or through the API without a reason). <paramref name="ContactId"/>
/// lets the contact's timeline record it without asking this module.
/// </summary>
public sealed record ConversationFinished(
    Guid ConversationId,
    Guid? AgentId,
    Guid? ByUserId,
    DateTime At,
    string? Reason = null,
    string? Description = null,
    Guid? ContactId = null) : IDomainEvent;

/// <summary>
/// A contact's message was stored in a conversation (raised after <see cref="ConversationOpened"/> when it opened one,
/// inside the inbox transaction): the chatbot reads it. <paramref name="Text"/> is the text or caption, if any.
/// </summary>
public sealed record ContactMessageStored(
    Guid ConversationId,
    Guid MessageId,
    Guid ContactId,
    Guid ChannelAccountId,
    string? Text,
    DateTime At,
    bool OpenedConversation) : IDomainEvent;
