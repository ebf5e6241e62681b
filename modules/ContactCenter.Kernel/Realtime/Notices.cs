namespace ContactCenter.Kernel.Realtime;

/// <summary>
/// A small "something changed for you" message for connected people (a new conversation, a new message), never the
/// data itself: the page reloads what it shows. <see cref="Kind"/> is a stable code the UI words in the reader's
/// language; <see cref="Text"/> is what it is about (e.g. the contact's name or number).
/// </summary>
public abstract record Notice(string Kind, Guid? ConversationId, string Text);

/// <summary>For one user (the agent a conversation was given to).</summary>
public sealed record UserNotice(Guid UserId, string Kind, Guid? ConversationId, string Text) : Notice(Kind, ConversationId, Text);

/// <summary>For every member of a team (a conversation offered to the team's pool).</summary>
public sealed record TeamNotice(Guid TeamId, string Kind, Guid? ConversationId, string Text) : Notice(Kind, ConversationId, Text);

/// <summary>
/// For every page watching <see cref="Topic"/>, whoever is looking (the live queue, one contact's thread on the sandbox
/// phone). The watcher decides what it may show when it reloads; a topic notice carries nothing it must not see.
/// </summary>
public sealed record TopicNotice(string Topic, string Kind, Guid? ConversationId, string Text) : Notice(Kind, ConversationId, Text);

/// <summary>The kinds the modules send; a receiver treats an unknown kind as "refresh".</summary>
public static class NoticeKinds
{
    /// <summary>A conversation was given to the user.</summary>
    public const string Assigned = "assigned";

    /// <summary>A returning contact was given back to their owner agent.</summary>
    public const string Returning = "returning";

    /// <summary>A conversation was taken away from the user (transfer, timeout).</summary>
    public const string Unassigned = "unassigned";

    /// <summary>A conversation waits in the team's pool.</summary>
    public const string Pool = "pool";

    /// <summary>A pool conversation was taken by a member: the others' pool lists drop it.</summary>
    public const string Claimed = "claimed";

    /// <summary>A new message in a conversation the user (or team) has.</summary>
    public const string Message = "message";

    /// <summary>An outbound message of the conversation was sent, delivered, read or failed: refresh its ticks, quietly.</summary>
    public const string Delivery = "delivery";

    /// <summary>Something a topic's watchers show changed (work waits or was placed, an agent's presence or load).</summary>
    public const string Changed = "changed";
}
