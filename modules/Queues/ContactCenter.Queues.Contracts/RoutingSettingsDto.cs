namespace ContactCenter.Queues.Contracts;

/// <summary>
/// The routing timers, editable by admins: how often backlog rounds run, how long an agent has to answer a newly
/// assigned conversation, how long a form lead may take to reach WhatsApp before it becomes an unanswered-lead task,
/// and how long an agent's browser may be gone before their presence drops to away.
/// </summary>
public sealed record RoutingSettingsDto(
    int BacklogRoundSeconds,
    int FirstResponseTimeoutSeconds,
    int UnansweredLeadMinutes,
    int AwayAfterDisconnectSeconds)
{
    public static readonly RoutingSettingsDto Defaults = new(30, 300, 15, 120);
}
