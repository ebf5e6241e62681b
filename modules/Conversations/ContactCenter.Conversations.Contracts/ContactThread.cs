namespace ContactCenter.Conversations.Contracts;

/// <summary>
/// Everything one contact exchanged on one channel account, oldest first (all their conversations in a row),
/// and until when the business may reply freely (the latest conversation's window; null when never opened).
/// </summary>
public sealed record ContactThread(IReadOnlyList<MessageDto> Messages, DateTime? WindowClosesAt);

/// <summary>Where a contact thread's changes are announced (see <c>Kernel.Realtime.TopicNotice</c>).</summary>
public static class ContactThreadTopic
{
    /// <summary>
    /// The topic of one contact's side of one channel account: a message arrived, or one of the business's replies was
    /// accepted, delivered, read or failed. Watchers (the sandbox phone) re-read the thread; the notice carries no text.
    /// </summary>
    public static string For(Guid channelAccountId, string phone) => $"thread:{channelAccountId:N}:{phone}";
}

/// <summary>A stored media file as the contact's own phone opens it: where it is on disk, its type and its name.</summary>
public sealed record ContactMediaFile(string Path, string ContentType, string? FileName);
