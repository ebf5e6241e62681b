using ContactCenter.Channels.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// Delivery statuses move an outbound message forward only: sent → delivered → read → played. Providers
/// deliver them out of order, so a late "delivered" after "read" is ignored. Failed carries the provider's
/// error and is kept unless the message was already read.
/// </summary>
[RunsIn(EventPhase.Record)]
internal sealed class ApplyDeliveryStatus(ContactCenterDbContext db) : IEventHandler<DeliveryStatusReceived>
{
    public async Task HandleAsync(DeliveryStatusReceived status, CancellationToken cancellationToken)
    {
        var next = Name(status.Status);
        string?[] lower = [.. Ranked.Where(s => Rank(s) < Rank(next))];
        var message = db.Set<Message>().Where(m => m.ChannelAccountId == status.ChannelAccountId
            && m.ProviderMessageId == status.ProviderMessageId
            && (m.Status == null || lower.Contains(m.Status)));

        // One conditional UPDATE, not read-then-write: two workers applying statuses of the same message at
        // once can never let the lower one win (PostgreSQL re-checks the condition after the row lock).
        // A status of a message this installation never sent changes nothing.
        if (status.Status == ChannelDeliveryStatus.Failed)
        {
            var code = status.ErrorCode is { Length: > 50 } c ? c[..50] : status.ErrorCode;
            var text = status.ErrorText is { Length: > 1000 } t ? t[..1000] : status.ErrorText;
            await message.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, next).SetProperty(m => m.ErrorCode, code).SetProperty(m => m.ErrorText, text),
                cancellationToken);
        }
        else
        {
            await message.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, next), cancellationToken);
        }
    }

    private static readonly string?[] Ranked = ["pending", "queued", "sent", "delivered", "failed", "read", "played"];

    public static string Name(ChannelDeliveryStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Failed outranks sent and delivered (the provider gave up) but not read: a read message was delivered.</summary>
    private static int Rank(string? status) => status switch
    {
        "pending" or "queued" => 0,
        "sent" => 1,
        "delivered" => 2,
        "failed" => 3,
        "read" => 4,
        "played" => 5,
        _ => 0,
    };
}
