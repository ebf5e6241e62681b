using ContactCenter.Chatbot.Domain;
using ContactCenter.Chatbot.Settings;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Chatbot.Evaluation;

/// <summary>
/// Every message a contact sends, in the inbox transaction: a new conversation starts a bot session (when the bot is
/// on, the same rule routing used to hold it for the bot), and an active session weighs its triggers on the message.
/// Runs after the record phase: the conversation and routing's hold are written by then.
/// </summary>
[RunsIn(EventPhase.Follow)]
internal sealed class OnContactMessage(ContactCenterDbContext db, GetChatbotSettings settings, BotRunner runner, IQueuesApi queues) : IEventHandler<ContactMessageStored>
{
    public async Task HandleAsync(ContactMessageStored stored, CancellationToken cancellationToken)
    {
        // A conversation opened in this unit of work has no stored session yet: no query for each new contact.
        var session = stored.OpenedConversation
            ? db.Tracked<BotSession>().FirstOrDefault(s => s.ConversationId == stored.ConversationId)
            : await db.Set<BotSession>().FindAsync([stored.ConversationId], cancellationToken);
        if (session is null)
        {
            if (!stored.OpenedConversation
                || await settings.FirstContactTeamAsync(cancellationToken) is not { } team
                || await queues.FindTeamAsync(team, cancellationToken) is null)
            {
                return;
            }

            session = new BotSession
            {
                ConversationId = stored.ConversationId,
                ContactId = stored.ContactId,
                ChannelAccountId = stored.ChannelAccountId,
                TeamId = team,
                State = BotSessionState.Active,
                StartedAt = stored.At,
                LastInboundAt = stored.At,
                LastInboundText = Cut(stored.Text),
                UpdatedAt = stored.At,
            };
            db.Add(session);
            await runner.StartAsync(session, await settings.LoadAsync(cancellationToken), stored.Text, cancellationToken);
            return;
        }

        if (session.State != BotSessionState.Active)
        {
            return;
        }

        session.LastInboundAt = stored.At;
        session.LastInboundText = Cut(stored.Text);
        await runner.EvaluateAsync(session, "message", stored.Text, cancellationToken);
    }

    private static string? Cut(string? text) => text is { Length: > 8000 } ? text[..8000] : text;
}
