namespace ContactCenter.Chatbot.Domain;

internal enum BotSessionState
{
    /// <summary>The bot answers the contact.</summary>
    Active,

    /// <summary>The flow ended; routing gave it to an agent or their team.</summary>
    HandedOff,

    /// <summary>A person took it over (replied, claimed, transferred): the bot stays quiet.</summary>
    Stopped,

    Finished,
}

/// <summary>
/// The bot's side of one conversation: which team's triggers apply now, when the business last wrote to the contact
/// (the "time without interaction"), the contact's last message, and when the sweep must look again (<see cref="DueAt"/>).
/// </summary>
internal sealed class BotSession
{
    public Guid ConversationId { get; init; }

    public Guid ContactId { get; init; }

    public Guid ChannelAccountId { get; init; }

    public Guid TeamId { get; set; }

    public BotSessionState State { get; set; }

    public DateTime StartedAt { get; init; }

    /// <summary>The last message the bot (or an agent) wrote to the contact; null: nobody yet.</summary>
    public DateTime? LastInteractionAt { get; set; }

    public DateTime? LastInboundAt { get; set; }

    public string? LastInboundText { get; set; }

    /// <summary>Indexed: when a "more than N hours" trigger may fire on the contact's unanswered message.</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>How many lines its log has (the next line's position).</summary>
    public int LogCount { get; set; }

    public DateTime UpdatedAt { get; set; }
}
