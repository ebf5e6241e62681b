namespace ContactCenter.Conversations.Contracts;

/// <summary>
/// Everything one contact exchanged on one channel account, oldest first (all their conversations in a row),
/// and until when the business may reply freely (the latest conversation's window; null when never opened).
/// </summary>
public sealed record ContactThread(IReadOnlyList<MessageDto> Messages, DateTime? WindowClosesAt);
