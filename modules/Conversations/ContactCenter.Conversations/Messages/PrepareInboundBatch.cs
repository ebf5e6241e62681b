using ContactCenter.Channels.Contracts;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// Before <see cref="StoreInboundMessages"/> handles a batch of received (or echoed) messages one by one, reads what
/// it will look up with one query each: the messages already stored under the batch's provider ids (duplicates) with
/// the targets and waiting modifiers of its reactions, edits and revokes; the senders' contacts (Leads, locked on
/// PostgreSQL); and those contacts' unfinished conversations. A batch of 200 messages then costs three reads, not a
/// few per message; new conversations of stored contacts have their arrivals prepared by Leads (two more reads).
/// </summary>
internal sealed class PrepareInboundBatch(ContactCenterDbContext db, IContactsApi contacts, InboundLookups lookups)
    : IEventBatchPreparer<InboundMessageReceived>, IEventBatchPreparer<MessageEchoReceived>
{
    public Task PrepareAsync(IReadOnlyList<InboundMessageReceived> batch, CancellationToken cancellationToken) =>
        PrepareAsync([.. batch.Select(e => new Item(e.ChannelAccountId, e.ProviderMessageId, e.From, e.Content.TargetProviderMessageId))], cancellationToken);

    public Task PrepareAsync(IReadOnlyList<MessageEchoReceived> batch, CancellationToken cancellationToken) =>
        PrepareAsync([.. batch.Select(e => new Item(e.ChannelAccountId, e.ProviderMessageId, e.To, e.Content.TargetProviderMessageId))], cancellationToken);

    private async Task PrepareAsync(IReadOnlyList<Item> batch, CancellationToken cancellationToken)
    {
        // The senders' contacts first: on PostgreSQL that locks them (waiting for a worker that holds one), so what
        // is read next includes everything that worker committed. Read before the lock, a reaction could find its
        // message missing while the other worker stores it, and neither would see the other.
        var found = (await contacts.PreloadAsync(
            [.. batch.Select(i => new InboundSender(i.Party.Phone, i.Party.ProviderUserId, i.Party.ProfileName)).Distinct()], cancellationToken)).ToList();
        var accounts = batch.Select(i => i.Account).Distinct().ToList();
        var keys = batch
            .SelectMany(i => i.Target is { } target ? [(i.Account, i.ProviderMessageId), (i.Account, target)] : new[] { (i.Account, i.ProviderMessageId) })
            .Distinct()
            .ToList();
        var ids = keys.Select(k => k.Item2).Distinct().ToList();
        await db.Set<Message>()
            .Where(m => accounts.Contains(m.ChannelAccountId)
                && ((m.ProviderMessageId != null && ids.Contains(m.ProviderMessageId))
                    || (m.TargetProviderMessageId != null && ids.Contains(m.TargetProviderMessageId))))
            .LoadAsync(cancellationToken);
        lookups.LoadedMessages(keys);

        if (found.Count == 0)
        {
            return;
        }

        await db.Set<Conversation>()
            .Where(c => accounts.Contains(c.ChannelAccountId) && found.Contains(c.ContactId) && c.Status != ConversationStatus.Finished)
            .LoadAsync(cancellationToken);
        lookups.LoadedConversations(accounts.SelectMany(a => found.Select(c => (a, c))));

        // Stored contacts without an open conversation here (returning ones) open one in this batch: Leads reads what
        // matching their arrivals needs for all of them at once.
        var open = lookups.TrackedConversations.Where(c => c.Status != ConversationStatus.Finished).Select(c => c.ContactId).ToHashSet();
        if (found.Where(c => !open.Contains(c)).ToList() is { Count: > 0 } returning)
        {
            await contacts.PrepareArrivalsAsync(returning, cancellationToken);
        }
    }

    private sealed record Item(Guid Account, string ProviderMessageId, ChannelParty Party, string? Target);
}
