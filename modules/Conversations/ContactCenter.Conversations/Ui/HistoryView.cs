using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.History;
using ContactCenter.Conversations.Listing;
using ContactCenter.Conversations.WrapUp;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Conversations.Ui;

/// <summary>The history page's filters: the teams and people it can narrow to, and the reasons (inactive ones too: old conversations use them).</summary>
internal sealed record HistoryFilters(IReadOnlyList<TeamDto> Teams, IReadOnlyList<TeamMemberDto> Agents, IReadOnlyList<ContactReasonDto> Reasons);

/// <summary>One finished conversation opened from the history, with who is looking.</summary>
internal sealed record HistoryThread(ConversationSummary Conversation, Guid? UserId, bool IsSupervisor, DateTime Now);

/// <summary>Reads for the history pages, through the same handlers as <c>GET /api/v1/history</c> and <c>/conversations/{id}</c>.</summary>
internal sealed class HistoryView(ICurrentUser caller, IQueuesApi queues, ListContactReasons.Handler reasons, GetConversation.Handler conversations, TimeProvider clock)
{
    public async Task<HistoryFilters> FiltersAsync(CancellationToken cancellationToken)
    {
        var teams = await queues.ListTeamsAsync(cancellationToken);
        var agents = teams.SelectMany(t => t.Members).DistinctBy(m => m.UserId).OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).ToList();
        return new HistoryFilters(teams, agents, await reasons.HandleAsync(includeInactive: true, cancellationToken));
    }

    public async Task<Result<HistoryThread>> ThreadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await conversations.HandleAsync(id, cancellationToken);
        return found.IsSuccess
            ? new HistoryThread(found.Value!, caller.UserId, caller.IsAtLeast(Role.Supervisor), clock.GetUtcNow().UtcDateTime)
            : found.Error!;
    }
}
