namespace ContactCenter.Leads.Domain;

/// <summary>
/// A person the contact center talks to. Known by phone (E.164 digits) or, when the channel withholds it, by the
/// provider's user id (WhatsApp's business-scoped id); forms and integrations add the name, e-mail and CPF.
/// A contact belongs to one team, and to the owner agent who first served them (returning contacts go back to them).
/// </summary>
internal sealed class Contact
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The name registered by a form, an integration or an agent; null for a WhatsApp-only contact.</summary>
    public string? Name { get; set; }

    /// <summary>Lower-case and unique when set: new vs returning is decided by it.</summary>
    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>Eleven digits, checksum-validated.</summary>
    public string? Cpf { get; set; }

    public string? ProviderUserId { get; set; }

    /// <summary>The name the person gave the channel (WhatsApp profile); lists prefer <see cref="Name"/>.</summary>
    public string? ProfileName { get; set; }

    public Guid? TeamId { get; set; }

    public Guid? OwnerAgentId { get; set; }

    /// <summary>cold, warm or hot (<c>Temperature.Temperatures</c>); null until an agent or a rule first rates the contact.</summary>
    public string? Temperature { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>What people see: the registered name, else the channel profile's.</summary>
    public string? DisplayName => Name ?? ProfileName;

    /// <summary>"Maria Silva &lt;maria@x.com&gt;", for sentences on the timeline and in messages.</summary>
    public string Describe() => Email is null ? DisplayName ?? Phone ?? "?" : $"{DisplayName ?? Phone} <{Email}>";
}
