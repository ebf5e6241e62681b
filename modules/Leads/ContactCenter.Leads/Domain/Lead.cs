namespace ContactCenter.Leads.Intake;

/// <summary>
/// One arrival of a contact for a product (form, API or WhatsApp), with what the person typed. A form or API lead
/// waits for the person's first WhatsApp message until <see cref="WhatsAppDueAt"/>; after that it becomes an
/// unanswered-lead task.
/// </summary>
internal sealed class Lead
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ContactId { get; set; }

    public Guid ProductId { get; init; }

    /// <summary><see cref="LeadSources"/>: form, api or whatsapp.</summary>
    public required string Source { get; init; }

    /// <summary>Six characters from an alphabet without look-alikes; the WhatsApp text carries it.</summary>
    public required string Code { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public bool IsReturning { get; init; }

    /// <summary>Why the person counts as returning, in plain words.</summary>
    public string? ReturningReason { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime WhatsAppDueAt { get; init; }

    public DateTime? ReachedWhatsAppAt { get; set; }

    /// <summary>The conversation the person opened on WhatsApp for this lead.</summary>
    public Guid? ConversationId { get; set; }

    /// <summary>Set when the sweeper claimed the lead for a task (a conditional update, so two nodes never both do).</summary>
    public DateTime? TaskCreatedAt { get; set; }
}

internal static class LeadSources
{
    public const string Form = "form";
    public const string Api = "api";
    public const string WhatsApp = "whatsapp";
}
