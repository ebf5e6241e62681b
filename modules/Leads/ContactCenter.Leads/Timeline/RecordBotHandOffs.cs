using ContactCenter.Chatbot.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;

namespace ContactCenter.Leads.Timeline;

/// <summary>
/// The chatbot handed a conversation to a team: the contact's timeline shows where the bot's menu led them (and which
/// trigger ended it) before the agent's first word. Idempotent, as every timeline writer.
/// </summary>
[RunsIn(EventPhase.Follow)]
internal sealed class RecordBotHandOffs(ContactCenterDbContext db, ContactTimeline timeline) : IEventHandler<BotHandedOff>
{
    public async Task HandleAsync(BotHandedOff handedOff, CancellationToken cancellationToken)
    {
        if (await timeline.HasAsync(handedOff.ConversationId, TimelineKinds.BotHandedOff, handedOff.At, null, cancellationToken)
            || await db.Set<Contact>().FindAsync([handedOff.ContactId], cancellationToken) is null)
        {
            return;
        }

        var team = handedOff.TeamName ?? "an unknown team";
        timeline.Add(handedOff.ContactId, handedOff.At, TimelineKinds.BotHandedOff, $"The chatbot handed the conversation to the team {team}. Why: {handedOff.Why}",
            new { teamName = team, trigger = handedOff.TriggerDescription }, handedOff.ConversationId);
    }
}
