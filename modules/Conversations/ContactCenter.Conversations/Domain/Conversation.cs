using ContactCenter.Conversations.Contracts;

namespace ContactCenter.Conversations.Domain;

/// <summary>
/// A thread with one contact on one channel account. Only what the visibility rule and the list need
/// exists yet; messages, wrap-up and routing history come with the messaging work.
/// </summary>
internal sealed class Conversation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ContactId { get; set; }

    /// <summary>The contact's registered name (null until known: lists then show the number).</summary>
    public string? ContactName { get; set; }

    /// <summary>E.164 digits without '+'.</summary>
    public required string ContactPhone { get; set; }

    public Guid ChannelAccountId { get; set; }

    /// <summary>The product the contact came for (from the matched lead); routing picks agents who serve it.</summary>
    public Guid? ProductId { get; set; }

    public Guid? TeamId { get; set; }

    public Guid? AssignedAgentId { get; set; }

    public ConversationStatus Status { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime LastMessageAt { get; set; }

    /// <summary>24 h after the contact's last inbound message; free-form replies are refused afterwards.</summary>
    public DateTime? WindowClosesAt { get; set; }

    public ConversationSummary ToSummary() => new(
        Id,
        new ConversationContact(ContactId, ContactName, ContactPhone),
        ChannelAccountId,
        Status,
        AssignedAgentId,
        TeamId,
        ProductId,
        LastMessageAt,
        WindowClosesAt);
}
