namespace ContactCenter.Leads.Contracts;

/// <summary>A contact in lists: <see cref="DisplayName"/> is the registered name, else the WhatsApp profile's.</summary>
public sealed record ContactSummaryDto(
    Guid Id,
    string? DisplayName,
    string? Email,
    string? Phone,
    Guid? TeamId,
    Guid? OwnerAgentId,
    DateTime CreatedAt);

/// <summary>A page of contacts; pass <see cref="NextCursor"/> as <c>cursor</c> for the next one (null at the end).</summary>
public sealed record ContactPage(IReadOnlyList<ContactSummaryDto> Items, string? NextCursor);

/// <summary>
/// A contact with its team and owner agent by name and its leads, newest first. <see cref="Temperature"/> is cold, warm
/// or hot (null until rated).
/// </summary>
public sealed record ContactDto(
    Guid Id,
    string? Name,
    string? ProfileName,
    string? DisplayName,
    string? Email,
    string? Phone,
    string? Cpf,
    Guid? TeamId,
    string? TeamName,
    Guid? OwnerAgentId,
    string? OwnerAgentName,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<LeadDto> Leads,
    string? Temperature = null);

/// <summary>One arrival of the contact for a product, as typed on the form or sent by the integration.</summary>
public sealed record LeadDto(
    Guid Id,
    string Code,
    string Source,
    Guid ProductId,
    string? ProductName,
    string? Name,
    string? Email,
    string? Phone,
    bool IsReturning,
    string? ReturningReason,
    DateTime CreatedAt,
    DateTime WhatsAppDueAt,
    DateTime? ReachedWhatsAppAt,
    DateTime? TaskCreatedAt);

/// <summary>
/// A line of the contact's history in plain words. <see cref="Kind"/>: lead_received, whatsapp_arrival,
/// returning_notice, routed, owner_notified, first_response_timeout, transferred, task_created, task_assigned,
/// task_done, contact_updated, contacts_merged, finished, ticket_opened, ticket_status, template_sent,
/// temperature_changed. <see cref="Data"/> is JSON with the facts behind the text (names, rule, from/to).
/// </summary>
public sealed record TimelineEntryDto(
    Guid Id,
    DateTime At,
    string Kind,
    string Text,
    string? Data,
    Guid? ConversationId,
    Guid? ProductId,
    Guid? AgentId);

/// <summary>A page of a contact's timeline, newest first; pass <see cref="NextCursor"/> as <c>cursor</c> for older entries (null at the end).</summary>
public sealed record TimelinePage(IReadOnlyList<TimelineEntryDto> Items, string? NextCursor);

/// <summary>
/// A lead taken in: its code (the WhatsApp text carries it), whether the person is returning and why, and the
/// link that opens WhatsApp with the code typed (null with <see cref="WhatsAppNote"/> saying why when there is none).
/// </summary>
public sealed record LeadCreatedDto(
    Guid LeadId,
    Guid ContactId,
    string Code,
    Guid ProductId,
    string ProductName,
    Guid? TeamId,
    bool IsReturning,
    string? ReturningReason,
    string? WhatsAppUrl,
    string? WhatsAppNote,
    DateTime CreatedAt,
    DateTime WhatsAppDueAt);

/// <summary>An unanswered-lead task with what the agent needs to call or e-mail the person.</summary>
public sealed record LeadTaskDto(
    Guid Id,
    Guid LeadId,
    Guid ContactId,
    string? Name,
    string? Email,
    string? Phone,
    Guid ProductId,
    string? ProductName,
    Guid? TeamId,
    string Status,
    Guid? AssignedAgentId,
    DateTime CreatedAt,
    DateTime? DoneAt,
    string? Note);
