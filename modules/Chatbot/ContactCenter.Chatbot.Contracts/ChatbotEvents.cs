using ContactCenter.Kernel.Events;

namespace ContactCenter.Chatbot.Contracts;

/// <summary>
/// The bot's flow ended for a conversation (a trigger handed it over, or moved it to a team with no entry menu): routing
/// now gives it to an agent of <paramref name="TeamId"/> by the team's mode. <paramref name="Why"/> is in plain
/// English, as routing's explanations are; <paramref name="TeamName"/> as the bot knew it.
/// </summary>
public sealed record BotHandedOff(
    Guid ConversationId,
    Guid ContactId,
    Guid TeamId,
    string? TeamName,
    Guid? TriggerId,
    string? TriggerDescription,
    string Why,
    DateTime At) : IDomainEvent;
