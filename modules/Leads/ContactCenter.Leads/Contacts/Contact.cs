namespace ContactCenter.Leads.Contacts;

/// <summary>
/// A person the contact center talks to. Known by phone (E.164 digits) or, when the channel withholds it, by the
/// provider's user id (WhatsApp's business-scoped id); forms and integrations add the name and e-mail.
/// </summary>
internal sealed class Contact
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public string? Phone { get; set; }

    public string? ProviderUserId { get; set; }

    /// <summary>The name the person gave the channel (WhatsApp profile); lists prefer <see cref="Name"/>.</summary>
    public string? ProfileName { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>What people see: the registered name, else the channel profile's.</summary>
    public string? DisplayName => ProfileName;
}
