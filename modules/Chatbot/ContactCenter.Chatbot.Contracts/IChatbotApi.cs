namespace ContactCenter.Chatbot.Contracts;

/// <summary>What other modules may ask the chatbot.</summary>
public interface IChatbotApi
{
    /// <summary>
    /// The team whose triggers greet a new conversation that arrived on <paramref name="channelAccountId"/>, when the bot
    /// is on (a first-contact team is set and at least one trigger exists); null when it is off. While the bot talks,
    /// routing keeps the conversation with that team and gives it to nobody until <see cref="BotHandedOff"/>.
    /// </summary>
    Task<Guid?> FindFirstContactTeamAsync(Guid channelAccountId, CancellationToken cancellationToken);

    /// <summary>
    /// The inactivity close time an admin set in the chatbot's general settings (seed 003: the bot's settings hold it);
    /// null when none is set, so the server's default (<c>ContactCenter:InactivityCloseHours</c>) applies.
    /// </summary>
    Task<int?> FindInactivityCloseHoursAsync(CancellationToken cancellationToken);
}
