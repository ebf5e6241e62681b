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
internal sealed class ApplyDeliveryStatus(ContactCenterDbContext db) : IEventHandler<DeliveryStatusReceived>
{
    public async Task HandleAsync(DeliveryStatusReceived status, CancellationToken cancellationToken)
    {
        var message = await db.Set<Message>().FirstOrDefaultAsync(
            m => m.ChannelAccountId == status.ChannelAccountId && m.ProviderMessageId == status.ProviderMessageId, cancellationToken);
        if (message is null)
        {
            return; // a message this installation never sent (or sent before it kept history)
        }

        var next = Name(status.Status);
        if (Rank(next) <= Rank(message.Status))
        {
            return;
        }

        message.Status = next;
        if (status.Status == ChannelDeliveryStatus.Failed)
        {
            message.ErrorCode = status.ErrorCode is { Length: > 50 } code ? code[..50] : status.ErrorCode;
            message.ErrorText = status.ErrorText is { Length: > 1000 } text ? text[..1000] : status.ErrorText;
        }
    }

    public static string Name(ChannelDeliveryStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Failed outranks sent and delivered (the provider gave up) but not read: a read message was delivered.</summary>
    private static int Rank(string? status) => status switch
    {
        "sent" => 1,
        "delivered" => 2,
        "failed" => 3,
        "read" => 4,
        "played" => 5,
        _ => 0,
    };
}
