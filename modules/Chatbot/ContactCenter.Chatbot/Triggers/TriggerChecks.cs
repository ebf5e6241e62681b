using ContactCenter.Chatbot.Domain;
using ContactCenter.Chatbot.Settings;
using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Errors;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Chatbot.Triggers;

/// <summary>
/// What creating and changing a trigger both check against the rest of the product: its teams exist, and the first
/// trigger (the greeting) requires more than an hour without interaction (seed 003). The rules themselves are
/// <see cref="TriggerRules"/>; this reads what they are weighed against.
/// </summary>
internal sealed class TriggerChecks(IQueuesApi queues, GetChatbotSettings settings)
{
    public async Task<Error?> CheckAsync(TriggerRequest request, bool isFirst, CancellationToken cancellationToken)
    {
        var teams = (await queues.ListTeamsAsync(cancellationToken)).Select(t => t.Id).ToHashSet();
        return TriggerRules.Check(request, teams)
            ?? TriggerRules.CheckFirst(request, isFirst, (await settings.LoadAsync(cancellationToken)).FirstContactTeamId);
    }

    /// <summary>How a trigger is named in the audit log.</summary>
    public static AuditTarget AuditTarget(BotTrigger trigger) => Kernel.Audit.AuditTarget.Of("botTrigger", trigger.Id, trigger.Description);
}
