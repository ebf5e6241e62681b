using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Identity;

namespace ContactCenter.Conversations.Domain;

/// <summary>
/// Who may act in a conversation (reply, finish, mark it): its agent, or a supervisor or admin who sees it. Visibility
/// already narrows a supervisor to their teams' conversations, so "a supervisor who sees it" is "a supervisor of its
/// team". The use cases refuse with <see cref="Refusal"/>; the page shows or hides its buttons from
/// <see cref="ConversationSummary.CanReply"/> and <see cref="ConversationSummary.CanFinish"/>, which come from here too.
/// </summary>
internal static class ReplyRule
{
    public const string NotYours = "not_your_conversation";

    /// <summary>An agent's pool conversation is seen by the whole team but answered only by whoever claimed it.</summary>
    public static bool MayAct(Conversation conversation, ICurrentUser caller) =>
        caller.IsAtLeast(Role.Supervisor)
        || (!caller.IsApiKey && caller.UserId is { } me && conversation.AssignedAgentId == me);

    /// <summary>Replies and the finish are for open conversations only (the 24-hour window is the sender's own rule).</summary>
    public static bool CanAct(Conversation conversation, ICurrentUser? caller) =>
        caller is not null && conversation.Status != ConversationStatus.Finished && MayAct(conversation, caller);

    public static Error Refusal(string action) => new(
        NotYours,
        $"Only the conversation's agent or a supervisor of its team can {action}: claim it first, or ask for a transfer.",
        403);
}
