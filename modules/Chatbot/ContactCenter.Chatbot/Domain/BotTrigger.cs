namespace ContactCenter.Chatbot.Domain;

/// <summary>How a trigger weighs the time since the business last wrote to the contact (the bot or an agent).</summary>
internal enum IdleComparison
{
    /// <summary>Any time.</summary>
    None,

    GreaterThan,

    LessThan,
}

/// <summary>What a trigger does when its conditions hold.</summary>
internal enum BotAction
{
    /// <summary>Sends the bot message (usually a menu).</summary>
    SendMessage,

    /// <summary>Moves the conversation to another team, whose entry trigger then runs.</summary>
    MoveToTeam,
}

/// <summary>
/// One rule of the chatbot ("gatilho", seed 003): conditions (current team, time without interaction, the contact's
/// expected reply as keywords, or "runs when the conversation enters its team") and one action. Evaluated in
/// <see cref="Position"/> order; the first whose conditions all hold fires.
/// </summary>
internal sealed class BotTrigger
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public int Position { get; set; }

    public required string Description { get; set; }

    /// <summary>The team the conversation must be with (null: any).</summary>
    public Guid? TeamId { get; set; }

    public IdleComparison IdleComparison { get; set; }

    public double? IdleHours { get; set; }

    /// <summary>Comma-separated words or phrases; one of them must be in the contact's message (null: any message).</summary>
    public string? Keywords { get; set; }

    /// <summary>Runs when the conversation enters <see cref="TeamId"/> (a move), not on the contact's messages.</summary>
    public bool IsTeamEntry { get; set; }

    public BotAction Action { get; set; }

    public string? Message { get; set; }

    public Guid? TargetTeamId { get; set; }

    /// <summary>After its message the flow ends: routing gives the conversation to an agent of the current team.</summary>
    public bool HandsOff { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}
