using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Notices;

/// <summary>
/// Messages in and out and first-response times read from the stored rows (every node's traffic), for the "Operação"
/// page; <see cref="ConversationMetrics"/> measures the same things as they happen on this node, for <c>/metrics</c>.
/// </summary>
internal sealed class ConversationFigures(ContactCenterDbContext db) : IConversationFigures
{
    /// <summary>A page asks for minutes, not days: more is refused rather than scanned.</summary>
    private static readonly TimeSpan LongestSpan = TimeSpan.FromHours(24);

    public async Task<IReadOnlyList<MessageCount>> CountMessagesAsync(
        DateTime from, DateTime to, TimeSpan bucket, IReadOnlyCollection<Guid>? teamIds, CancellationToken cancellationToken)
    {
        if (bucket <= TimeSpan.Zero || to <= from || to - from > LongestSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(bucket), "Count over a span of up to a day, in buckets of some seconds.");
        }

        var wanted = teamIds?.ToList();
        // The conversations' (LastMessageAt) index narrows to those with any message since "from" first.
        var conversations = db.Set<Conversation>().AsNoTracking()
            .Where(c => c.LastMessageAt >= from)
            .Where(c => wanted == null || (c.TeamId != null && wanted.Contains(c.TeamId.Value)))
            .Select(c => c.Id);
        var messages = await db.Set<Message>().AsNoTracking()
            .Where(m => m.CreatedAt >= from && m.CreatedAt <= to && conversations.Contains(m.ConversationId))
            .Select(m => new { m.CreatedAt, m.Direction })
            .ToListAsync(cancellationToken);

        var count = (int)Math.Ceiling((to - from) / bucket);
        var inbound = new int[count];
        var outbound = new int[count];
        foreach (var message in messages)
        {
            var index = Math.Min(count - 1, (int)((message.CreatedAt - from) / bucket));
            (message.Direction == MessageDirection.Inbound ? inbound : outbound)[index]++;
        }

        return [.. Enumerable.Range(0, count).Select(i => new MessageCount(from + (bucket * i), inbound[i], outbound[i]))];
    }

    public async Task<IReadOnlyList<FirstResponseTimes>> FirstResponsesAsync(DateTime since, IReadOnlyCollection<Guid>? teamIds, CancellationToken cancellationToken)
    {
        var wanted = teamIds?.ToList();
        // The assigned agent's first message after the assignment: the reply that stopped the first-response clock.
        var answered = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.AssignedAt >= since && c.AssignedAgentId != null)
            .Where(c => wanted == null || (c.TeamId != null && wanted.Contains(c.TeamId.Value)))
            .Select(c => new
            {
                c.TeamId,
                c.AssignedAt,
                RepliedAt = db.Set<Message>()
                    .Where(m => m.ConversationId == c.Id && m.Direction == MessageDirection.Outbound && m.AuthorAgentId == c.AssignedAgentId && m.CreatedAt >= c.AssignedAt)
                    .Min(m => (DateTime?)m.CreatedAt),
            })
            .Where(c => c.RepliedAt != null)
            .ToListAsync(cancellationToken);

        return
        [
            .. answered
                .GroupBy(c => c.TeamId)
                .Select(team => new FirstResponseTimes(
                    team.Key,
                    [.. team.Select(c => Math.Max(0, (c.RepliedAt!.Value - c.AssignedAt!.Value).TotalSeconds)).Order()])),
        ];
    }
}
