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
/// One stored webhook, inside the processor's transaction: parse, skip events already applied, raise the new
/// ones for the other modules and remember their keys. Each event is one step: its save dispatches it (and what
/// its handlers raise) and saves (never commits) the result, so the next event of the batch sees the rows the
/// previous one added (a contact's second message finds its conversation).
/// </summary>
internal sealed class InboxRowProcessor(
    ContactCenterDbContext db, ChannelAdapters adapters, IDomainEvents events, TimeProvider clock, ILogger<InboxRowProcessor> logger)
{
    public async Task ProcessAsync(InboxEntry row, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        row.Attempts++;
        if (await adapters.FindAsync(row.ChannelAccountId, cancellationToken) is not { } adapter)
        {
            Fail(row, now, "The channel account no longer exists or its plugin is not loaded.");
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        IReadOnlyList<InboundEvent> parsed;
        try
        {
            parsed = adapter.Parse(row.ToWebhookRequest());
        }
        catch (Exception e)
        {
            // The plugin broke its promise never to throw: keep the payload for a fixed version to re-read.
            logger.LogError(e, "The plugin failed to parse inbox row {InboxId}", row.Id);
            Fail(row, now, "The plugin failed to read the payload: " + e.Message);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var problems = new List<string>();
        foreach (var inbound in parsed)
        {
            if (inbound is Unparseable unparseable)
            {
                // Not remembered as processed: reprocessing after a plugin upgrade must read it again.
                problems.Add(unparseable.Reason);
                continue;
            }

            var key = Key(inbound.IdempotencyKey);
            if (await db.Set<ProcessedEvent>().AnyAsync(p => p.ChannelAccountId == row.ChannelAccountId && p.IdempotencyKey == key, cancellationToken))
            {
                continue;
            }

            db.Add(new ProcessedEvent { ChannelAccountId = row.ChannelAccountId, IdempotencyKey = key, InboxId = row.Id, ProcessedAt = now });
            if (ToEvent(row.ChannelAccountId, inbound) is { } domainEvent)
            {
                events.Raise(domainEvent);
            }

            await db.SaveChangesAsync(cancellationToken);
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

        await db.SaveChangesAsync(cancellationToken);
    }

    private static IDomainEvent? ToEvent(Guid account, InboundEvent inbound) => inbound switch
    {
        MessageReceived m => new InboundMessageReceived(
            account, m.ProviderMessageId, m.OccurredAt.UtcDateTime, EventMapper.Party(m.From), EventMapper.Content(m.Content), m.ReplyToProviderMessageId),
        MessageEchoed e => new MessageEchoReceived(account, e.ProviderMessageId, e.OccurredAt.UtcDateTime, EventMapper.Party(e.To), EventMapper.Content(e.Content)),
        MessageStatusChanged s => new DeliveryStatusReceived(
            account, s.ProviderMessageId, s.OccurredAt.UtcDateTime, EventMapper.Status(s.Status), s.ErrorCode, s.ErrorText),
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
}
