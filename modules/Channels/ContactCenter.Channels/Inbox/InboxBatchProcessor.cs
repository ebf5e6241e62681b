using System.Security.Cryptography;
using System.Text;
using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Sdk;
using ContactCenter.Channels.Webhooks;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Inbox;

/// <summary>
/// A batch of stored webhooks, inside the processor's transaction, as one step: every row is parsed, the batch's
/// event keys are checked against the ones applied before with one query (and against each other: a provider's retry
/// inside the same batch counts once), the new events are raised in the rows' order and their keys remembered, and
/// one save at the end dispatches them all (the modules' batch preparers read what the handlers need with one query
/// each, then the handlers run event by event, so one contact's messages are applied in the order they came) and
/// writes every effect. A row that cannot be read is set aside as failed, for admins to see; the rest of its batch
/// goes on.
/// </summary>
internal sealed class InboxBatchProcessor(
    ContactCenterDbContext db, ChannelAdapters adapters, IDomainEvents events, TimeProvider clock, ILogger<InboxBatchProcessor> logger)
{
    public async Task ProcessAsync(IReadOnlyList<InboxEntry> rows, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var read = new List<ReadRow>(rows.Count);
        foreach (var row in rows)
        {
            row.Attempts++;
            if (await ReadAsync(row, now, cancellationToken) is { } readRow)
            {
                read.Add(readRow);
            }
        }

        var applied = await AppliedBeforeAsync(read, cancellationToken);
        foreach (var (row, keyed, problems) in read)
        {
            foreach (var (inbound, key) in keyed)
            {
                // Applied before, or earlier in this batch: nothing new.
                if (!applied.Add((row.ChannelAccountId, key)))
                {
                    continue;
                }

                db.Add(new ProcessedEvent { ChannelAccountId = row.ChannelAccountId, IdempotencyKey = key, InboxId = row.Id, ProcessedAt = now });
                if (ToEvent(row.ChannelAccountId, inbound) is { } domainEvent)
                {
                    events.Raise(domainEvent);
                }
            }

            if (problems.Count > 0)
            {
                Fail(row, now, string.Join(" | ", problems));
            }
            else
            {
                row.Status = InboxStatus.Processed;
                row.ProcessedAt = now;
                row.Error = null;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The row's events with their keys, or null when the row cannot be read at all (then it is marked failed).</summary>
    private async Task<ReadRow?> ReadAsync(InboxEntry row, DateTime now, CancellationToken cancellationToken)
    {
        if (await adapters.FindAsync(row.ChannelAccountId, cancellationToken) is not { } adapter)
        {
            Fail(row, now, "The channel account no longer exists or its plugin is not loaded.");
            return null;
        }

        IReadOnlyList<InboundEvent> parsed;
        try
        {
            parsed = adapter.Parse(row.ToWebhookRequest());
        }
        catch (Exception e)
        {
            // The plugin broke its promise never to throw (or the stored row is damaged): keep the payload for a fixed
            // version to re-read, and let the rest of the batch go on.
            logger.LogError(e, "The plugin failed to parse inbox row {InboxId}", row.Id);
            Fail(row, now, "The plugin failed to read the payload: " + e.Message);
            return null;
        }

        var keyed = new List<(InboundEvent, string)>(parsed.Count);
        var problems = new List<string>();
        foreach (var inbound in parsed)
        {
            if (inbound is Unparseable unparseable)
            {
                // Not remembered as processed: reprocessing after a plugin upgrade must read it again.
                problems.Add(unparseable.Reason);
            }
            else
            {
                keyed.Add((inbound, Key(inbound.IdempotencyKey)));
            }
        }

        return new ReadRow(row, keyed, problems);
    }

    /// <summary>Which of the batch's event keys were applied before: one query for the whole batch.</summary>
    private async Task<HashSet<(Guid, string)>> AppliedBeforeAsync(List<ReadRow> read, CancellationToken cancellationToken)
    {
        var accounts = read.Select(r => r.Row.ChannelAccountId).Distinct().ToList();
        var keys = read.SelectMany(r => r.Events.Select(e => e.Key)).Distinct().ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var found = await db.Set<ProcessedEvent>()
            .Where(p => accounts.Contains(p.ChannelAccountId) && keys.Contains(p.IdempotencyKey))
            .Select(p => new { p.ChannelAccountId, p.IdempotencyKey })
            .ToListAsync(cancellationToken);
        return [.. found.Select(p => (p.ChannelAccountId, p.IdempotencyKey))];
    }

    private static IDomainEvent? ToEvent(Guid account, InboundEvent inbound) => inbound switch
    {
        MessageReceived m => new InboundMessageReceived(
            account, EventMapper.MessageId(m.ProviderMessageId), m.OccurredAt.UtcDateTime, EventMapper.Party(m.From), EventMapper.Content(m.Content),
            EventMapper.MessageId(m.ReplyToProviderMessageId)),
        MessageEchoed e => new MessageEchoReceived(
            account, EventMapper.MessageId(e.ProviderMessageId), e.OccurredAt.UtcDateTime, EventMapper.Party(e.To), EventMapper.Content(e.Content)),
        MessageStatusChanged s => new DeliveryStatusReceived(
            account, EventMapper.MessageId(s.ProviderMessageId), s.OccurredAt.UtcDateTime, EventMapper.Status(s.Status), s.ErrorCode, s.ErrorText),
        TemplateStatusChanged t => new TemplateStatusReceived(
            account, t.ProviderTemplateId, t.Name, t.Language, t.Status.ToString(), t.Reason, t.OccurredAt.UtcDateTime),
        ProviderErrorReported p => new ProviderErrorReceived(account, p.ErrorCode, p.ErrorText, p.OccurredAt.UtcDateTime),
        _ => null,
    };

    private static void Fail(InboxEntry row, DateTime now, string reason)
    {
        row.Status = InboxStatus.Failed;
        row.ProcessedAt = now;
        row.Error = InboxProcessor.Truncate(reason);
    }

    /// <summary>Keys fit the column; an overlong one is hashed (still stable, still unique).</summary>
    private static string Key(string key) =>
        key.Length <= 300 ? key : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private sealed record ReadRow(InboxEntry Row, List<(InboundEvent Event, string Key)> Events, List<string> Problems);
}
