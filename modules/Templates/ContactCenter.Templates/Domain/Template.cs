namespace ContactCenter.Templates.Domain;

/// <summary>A message template of one channel account, as written here and as the provider last reviewed it.</summary>
internal sealed class Template
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ChannelAccountId { get; init; }

    /// <summary>Lower-case letters, digits and underscores (Meta's rule); unique per account and language.</summary>
    public required string Name { get; set; }

    public required string Language { get; set; }

    /// <summary>marketing, utility or authentication.</summary>
    public required string Category { get; set; }

    public string? HeaderText { get; set; }

    public string? HeaderExample { get; set; }

    public required string Body { get; set; }

    /// <summary>JSON array of strings, one per body variable in order.</summary>
    public string BodyExamplesJson { get; set; } = "[]";

    public string? Footer { get; set; }

    /// <summary>JSON array of quick-reply button labels.</summary>
    public string ButtonsJson { get; set; } = "[]";

    /// <summary>JSON object "body:1" → "contact.name": variables filled from the contact by default.</summary>
    public string BindingsJson { get; set; } = "{}";

    /// <summary>draft, pending, approved, rejected, paused or disabled.</summary>
    public string Status { get; set; } = TemplateStatuses.Draft;

    public string? Reason { get; set; }

    public string? ProviderTemplateId { get; set; }

    public DateTime? StatusChangedAt { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}

internal static class TemplateStatuses
{
    public const string Draft = "draft";
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Paused = "paused";
    public const string Disabled = "disabled";

    /// <summary>The SDK's status names (as Channels forwards them) in ours; null for statuses we do not follow.</summary>
    public static string? FromProvider(string status) => status.ToUpperInvariant() switch
    {
        "PENDING" => Pending,
        "APPROVED" => Approved,
        "REJECTED" => Rejected,
        "PAUSED" => Paused,
        "DISABLED" or "DELETED" => Disabled,
        _ => null,
    };
}

/// <summary>One billable template message, counted once per message.</summary>
internal sealed class TemplateSend
{
    public Guid MessageId { get; init; }

    public Guid TemplateId { get; init; }

    public Guid ChannelAccountId { get; init; }

    public Guid? AgentId { get; init; }

    public Guid? TeamId { get; init; }

    public DateTime SentAt { get; init; }

    /// <summary>The UTC day of <see cref="SentAt"/> (midnight), what the report groups by.</summary>
    public DateTime Day { get; init; }
}
