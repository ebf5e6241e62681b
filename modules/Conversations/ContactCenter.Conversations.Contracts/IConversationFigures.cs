namespace ContactCenter.Conversations.Contracts;

/// <summary>
/// Conversations' live figures for the "Operação" page, by the definitions of <c>/metrics</c>: messages in and out
/// (<c>contactcenter.messages.received</c> / <c>.sent</c>) and first-response time (<c>contactcenter.first_response.duration</c>:
/// from the assignment to the assigned agent's first reply). Read from the stored rows, so every node's traffic counts.
/// </summary>
public interface IConversationFigures
{
    /// <summary>
    /// Messages contacts sent and messages written to contacts (agents, bot, templates) from <paramref name="from"/>
    /// to <paramref name="to"/>, counted per <paramref name="bucket"/>, oldest first; only conversations of
    /// <paramref name="teamIds"/> when given (null: all).
    /// </summary>
    Task<IReadOnlyList<MessageCount>> CountMessagesAsync(
        DateTime from, DateTime to, TimeSpan bucket, IReadOnlyCollection<Guid>? teamIds, CancellationToken cancellationToken);

    /// <summary>
    /// First-response times of conversations assigned since <paramref name="since"/> whose agent has answered, per team
    /// (of <paramref name="teamIds"/> when given).
    /// </summary>
    Task<IReadOnlyList<FirstResponseTimes>> FirstResponsesAsync(DateTime since, IReadOnlyCollection<Guid>? teamIds, CancellationToken cancellationToken);
}

/// <summary>Messages of one interval starting at <paramref name="From"/>.</summary>
public sealed record MessageCount(DateTime From, int Inbound, int Outbound);

/// <summary>One team's first responses (<paramref name="TeamId"/> null: conversations of no team), in seconds.</summary>
/// <param name="Seconds">Each answered conversation's time from assignment to the first reply, shortest first.</param>
public sealed record FirstResponseTimes(Guid? TeamId, IReadOnlyList<double> Seconds);
