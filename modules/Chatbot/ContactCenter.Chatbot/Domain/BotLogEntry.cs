namespace ContactCenter.Chatbot.Domain;

/// <summary>
/// One line of a conversation's bot log: an evaluation (which trigger fired and why, or why none did) or what the bot
/// did. Stored as a kind with its facts (names as they were), worded in the reader's language when read.
/// </summary>
internal sealed class BotLogEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ConversationId { get; init; }

    public DateTime At { get; init; }

    /// <summary>1, 2, 3… per conversation: the order of lines written at the same moment.</summary>
    public int Position { get; init; }

    /// <summary>One of <see cref="BotLogKinds"/>.</summary>
    public required string Kind { get; init; }

    public Guid? TriggerId { get; init; }

    public string? TriggerDescription { get; init; }

    /// <summary>JSON array of strings: the facts the kind's sentence names.</summary>
    public required string ArgsJson { get; init; }

    /// <summary>For evaluations: JSON of every trigger weighed and each condition's verdict.</summary>
    public string? VerdictsJson { get; init; }
}

internal static class BotLogKinds
{
    public const string Evaluated = "evaluated";
    public const string Welcome = "welcome";
    public const string OutsideHours = "outside_hours";
    public const string Sent = "sent";
    public const string WindowClosed = "window_closed";
    public const string Moved = "moved";
    public const string Entry = "entry";
    public const string HandedOff = "handed_off";
    public const string Stopped = "stopped";
    public const string Finished = "finished";
}
