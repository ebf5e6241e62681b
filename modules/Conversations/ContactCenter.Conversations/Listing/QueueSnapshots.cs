using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Listing;

/// <summary>Counts for the live queue, grouped in the database (two small queries whatever the number of conversations).</summary>
internal sealed class QueueSnapshots(ContactCenterDbContext db, ConversationVisibility visibility)
{
    public async Task<QueueSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var open = (await visibility.ApplyAsync(db.Set<Conversation>().AsNoTracking(), cancellationToken))
            .Where(c => c.Status != ConversationStatus.Finished);
        var waiting = await open
            .Where(c => c.AssignedAgentId == null)
            .GroupBy(c => new { c.TeamId, c.ProductId })
            .Select(g => new WaitingConversations(g.Key.TeamId, g.Key.ProductId, g.Count(), g.Min(c => c.CreatedAt)))
            .ToListAsync(cancellationToken);
        var byAgent = await open
            .Where(c => c.AssignedAgentId != null)
            .GroupBy(c => c.AssignedAgentId!.Value)
            .Select(g => new AgentOpenConversations(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        return new QueueSnapshot(waiting, byAgent);
    }
}
