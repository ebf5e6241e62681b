using ContactCenter.Chatbot.Domain;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Chatbot.Evaluation;

/// <summary>
/// The bot steps back for people: an agent replying, or someone claiming or transferring the conversation, stops it for
/// that conversation for good; finishing the conversation ends its session.
/// </summary>
[RunsIn(EventPhase.Follow)]
internal sealed class StopWhenPeopleTakeOver(ContactCenterDbContext db, BotRunner runner, TimeProvider clock)
    : IEventHandler<AgentReplied>, IEventHandler<ConversationRouted>, IEventHandler<ConversationFinished>
{
    public Task HandleAsync(AgentReplied replied, CancellationToken cancellationToken) =>
        StopAsync(replied.ConversationId, null, cancellationToken);

    public Task HandleAsync(ConversationRouted routed, CancellationToken cancellationToken) =>
        routed.ByUserId is null ? Task.CompletedTask : StopAsync(routed.ConversationId, routed.ByName, cancellationToken);

    public async Task HandleAsync(ConversationFinished finished, CancellationToken cancellationToken)
    {
        if (await db.Set<BotSession>().FindAsync([finished.ConversationId], cancellationToken) is { State: not BotSessionState.Finished } session)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            session.State = BotSessionState.Finished;
            session.DueAt = null;
            session.UpdatedAt = now;
            runner.Log(session, now, BotLogKinds.Finished, []);
        }
    }

    private async Task StopAsync(Guid conversationId, string? byName, CancellationToken cancellationToken)
    {
        if (await db.Set<BotSession>().FindAsync([conversationId], cancellationToken) is not { State: BotSessionState.Active or BotSessionState.HandedOff } session)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        session.State = BotSessionState.Stopped;
        session.DueAt = null;
        session.UpdatedAt = now;
        runner.Log(session, now, BotLogKinds.Stopped, byName is null ? [] : [byName]);
    }
}
