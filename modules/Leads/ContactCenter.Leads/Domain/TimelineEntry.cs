namespace ContactCenter.Leads.Domain;

/// <summary>One line of a contact's history, in plain words (<see cref="Text"/>) with its <see cref="Kind"/> for filters and icons.</summary>
internal sealed class TimelineEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ContactId { get; set; }

    public DateTime At { get; init; }

    /// <summary>One of <see cref="TimelineKinds"/>.</summary>
    public required string Kind { get; init; }

    public required string Text { get; init; }

    /// <summary>Optional JSON with the facts behind the text (rule, lead code…).</summary>
    public string? Data { get; init; }

    public Guid? ConversationId { get; init; }

    public Guid? ProductId { get; init; }

    public Guid? AgentId { get; init; }
}

internal static class TimelineKinds
{
    public const string LeadReceived = "lead_received";
    public const string WhatsAppArrival = "whatsapp_arrival";
    public const string ReturningNotice = "returning_notice";
    public const string Routed = "routed";
    public const string OwnerNotified = "owner_notified";
    public const string FirstResponseTimeout = "first_response_timeout";
    public const string Transferred = "transferred";
    public const string TaskCreated = "task_created";
    public const string TaskAssigned = "task_assigned";
    public const string TaskDone = "task_done";
    public const string ContactUpdated = "contact_updated";
    public const string ContactsMerged = "contacts_merged";
    public const string Finished = "finished";
    public const string TicketOpened = "ticket_opened";
    public const string TicketStatus = "ticket_status";
    public const string TemplateSent = "template_sent";
    public const string TemperatureChanged = "temperature_changed";
    public const string BotHandedOff = "bot_handed_off";
}
