namespace ContactCenter.Conversations.Contacts;

/// <summary>
/// Someone who wrote to a channel account. Known by phone (E.164 digits) or, when the channel withholds it,
/// by the provider's user id (WhatsApp's business-scoped id). The Leads module takes contacts over later.
/// </summary>
internal sealed class Contact
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public string? Phone { get; set; }

    public string? ProviderUserId { get; set; }

    public string? ProfileName { get; set; }

    public DateTime CreatedAt { get; init; }
}
