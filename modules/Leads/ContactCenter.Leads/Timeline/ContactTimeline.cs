using System.Text.Json;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Timeline;

/// <summary>Writes timeline lines in the caller's unit of work (the caller saves).</summary>
internal sealed class ContactTimeline(ContactCenterDbContext db)
{
    public TimelineEntry Add(
        Guid contactId, DateTime at, string kind, string text, object? data = null, Guid? conversationId = null, Guid? productId = null, Guid? agentId = null)
    {
        var entry = new TimelineEntry
        {
            ContactId = contactId,
            At = at,
            Kind = kind,
            Text = text.Length <= 1000 ? text : text[..1000],
            Data = data is null ? null : JsonSerializer.Serialize(data, JsonOptions),
            ConversationId = conversationId,
            ProductId = productId,
            AgentId = agentId,
        };
        db.Set<TimelineEntry>().Add(entry);
        return entry;
    }

    /// <summary>
    /// True when the same line was already written (saved, or added earlier in this unit of work): event handlers
    /// run again when a batch is retried, and the timeline must not say things twice.
    /// </summary>
    public async Task<bool> HasAsync(Guid conversationId, string kind, DateTime at, Guid? agentId, CancellationToken cancellationToken) =>
        db.Tracked<TimelineEntry>().Any(e => Same(e, conversationId, kind, at, agentId))
        || await db.Set<TimelineEntry>().AnyAsync(
            e => e.ConversationId == conversationId && e.Kind == kind && e.At == at && e.AgentId == agentId, cancellationToken);

    private static bool Same(TimelineEntry e, Guid conversationId, string kind, DateTime at, Guid? agentId) =>
        e.ConversationId == conversationId && e.Kind == kind && e.At == at && e.AgentId == agentId;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
