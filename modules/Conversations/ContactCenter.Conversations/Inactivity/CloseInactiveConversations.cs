using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Chatbot.Contracts;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Messages;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Conversations.Inactivity;

/// <summary>
/// Finishes conversations nobody has written in for the configured time, so they stop holding an agent's capacity. The
/// time is the one an admin set in the chatbot's general settings (seed 003 puts it there); without one, the server's
/// <see cref="HoursSetting"/>; with neither, the close is off. The optional goodbye goes out only while the contact's 24-hour window is open: outside
/// it WhatsApp would refuse free text, and a billed template is not worth a goodbye. The wrap-up reads "Encerrada por
/// inatividade" (configurable) and names nobody as the one who finished it.
/// </summary>
internal sealed class CloseInactiveConversations(
    ContactCenterDbContext db,
    IOutbox outbox,
    IDomainEvents events,
    IChatbotApi chatbot,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<CloseInactiveConversations> logger)
{
    public const string HoursSetting = "ContactCenter:InactivityCloseHours";
    public const string MessageSetting = "ContactCenter:InactivityCloseMessage";
    public const string ReasonSetting = "ContactCenter:InactivityCloseReason";
    public const string DefaultReason = "Encerrada por inatividade";

    private const int BatchSize = 200;

    /// <summary>How many conversations were finished (0 when the close is off).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (await HoursAsync(cancellationToken) is not { } hours)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var idleSince = now - TimeSpan.FromHours(hours);
        var idle = await db.Set<Conversation>()
            .Where(c => c.Status != ConversationStatus.Finished && c.LastMessageAt <= idleSince)
            .OrderBy(c => c.LastMessageAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var reason = configuration[ReasonSetting] is { Length: > 0 } configured ? configured.Trim() : DefaultReason;
        var goodbye = configuration[MessageSetting] is { Length: > 0 } text ? text.Trim() : null;
        foreach (var conversation in idle)
        {
            if (goodbye is not null && conversation.WindowClosesAt > now)
            {
                var message = new Message
                {
                    ConversationId = conversation.Id,
                    ChannelAccountId = conversation.ChannelAccountId,
                    Direction = MessageDirection.Outbound,
                    Type = "text",
                    Text = goodbye,
                    Status = "pending",
                    CreatedAt = now,
                };
                db.Add(message);
                outbox.Enqueue(new OutboundRequest(message.Id, conversation.ChannelAccountId, new OutboundRecipient(conversation.ContactPhone), new SendText(goodbye)));
            }

            conversation.Status = ConversationStatus.Finished;
            conversation.FinishedAt = now;
            conversation.FinishedById = null;
            conversation.ContactReasonId = null;
            conversation.ContactReasonName = reason;
            events.Raise(
                new ConversationFinished(conversation.Id, conversation.AssignedAgentId, null, now, reason, null, conversation.ContactId));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (idle.Count > 0)
        {
            logger.LogInformation("Finished {Count} conversations idle for {Hours} h", idle.Count, hours);
        }

        return idle.Count;
    }

    /// <summary>The chatbot settings' time when an admin set one, else the configured default; null: the close is off.</summary>
    private async Task<double?> HoursAsync(CancellationToken cancellationToken)
    {
        if (await chatbot.FindInactivityCloseHoursAsync(cancellationToken) is { } set && set > 0)
        {
            return set;
        }

        return double.TryParse(configuration[HoursSetting], System.Globalization.CultureInfo.InvariantCulture, out var hours) && hours > 0 ? hours : null;
    }
}
