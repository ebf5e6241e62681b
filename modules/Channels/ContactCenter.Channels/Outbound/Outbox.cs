using System.Text.Json;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Kernel.Data;

namespace ContactCenter.Channels.Outbound;

/// <summary>
/// Adds outbox rows to the caller's unit of work. The sender is woken once the caller's save succeeds
/// (DbContext.SavedChanges); if the caller's own transaction commits later, the sender's short poll finds the row.
/// </summary>
internal sealed class Outbox(ContactCenterDbContext db, OutboxSignal signal, TimeProvider clock) : IOutbox
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private bool _subscribed;

    public void Enqueue(OutboundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            HostMessageId = request.HostMessageId,
            ChannelAccountId = request.ChannelAccountId,
            RecipientPhone = request.To.Phone,
            RecipientUserId = request.To.ProviderUserId,
            ContentType = request.Content.TypeName,
            ContentJson = JsonSerializer.Serialize(request.Content, Json),
            Priority = request.Content is SendReadReceipt ? 1 : 0,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        });

        if (!_subscribed)
        {
            _subscribed = true;
            db.SavedChanges += (_, _) => signal.Wake();
        }
    }
}

/// <summary>Wakes the in-process sender right after an enqueue was saved, instead of waiting for its poll.</summary>
internal sealed class OutboxSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // already woken
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
