using ContactCenter.Conversations.Contracts;

namespace ContactCenter.Conversations.Ui;

/// <summary>"Nova conversa" with the contact's number, name and origin number filled in (from a history row or thread).</summary>
internal static class NewConversationLink
{
    public static string For(ConversationContact contact, Guid channelAccountId) =>
        $"/conversations/new?phone={Uri.EscapeDataString(contact.Phone)}&channel={channelAccountId}"
        + (contact.Name is { Length: > 0 } name ? $"&name={Uri.EscapeDataString(name)}" : string.Empty);
}
