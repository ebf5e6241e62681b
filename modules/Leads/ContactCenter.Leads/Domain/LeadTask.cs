namespace ContactCenter.Leads.Tasks;

/// <summary>An unanswered-lead task: the person filled a form but never wrote on WhatsApp; an agent calls or e-mails them.</summary>
internal sealed class LeadTask
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid LeadId { get; init; }

    public Guid ContactId { get; set; }

    public Guid ProductId { get; init; }

    public Guid? TeamId { get; init; }

    /// <summary><see cref="LeadTaskStatus"/>: open, assigned or done.</summary>
    public required string Status { get; set; }

    public Guid? AssignedAgentId { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? DoneAt { get; set; }

    public string? Note { get; set; }
}

internal static class LeadTaskStatus
{
    public const string Open = "open";
    public const string Assigned = "assigned";
    public const string Done = "done";

    public static readonly IReadOnlyList<string> All = [Open, Assigned, Done];
}
