using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Channels.Sdk;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Outbound;

/// <summary>What became of one claimed row.</summary>
/// <param name="Called">The provider was called.</param>
/// <param name="Settled">The row is accepted or failed for good; false when it waits for a later try (or was not ours).</param>
internal readonly record struct DeliveryOutcome(bool Called, bool Settled);

/// <summary>Sends one claimed row through its account's plugin and records the outcome (one scope per row).</summary>
internal sealed class OutboxDelivery(
    ContactCenterDbContext db,
    IChannelsApi channels,
    SendingAdapters adapters,
    OutboundRateLimiter limiter,
    PayloadMapper mapper,
    OutboxOutcomes outcomes,
    TimeProvider clock,
    OutboxOptions options,
    ILogger<OutboxDelivery> logger)
{
    public async Task<DeliveryOutcome> DeliverAsync(Guid rowId, string owner, CancellationToken cancellationToken)
    {
        var row = await db.Set<OutboxMessage>().FirstOrDefaultAsync(r => r.Id == rowId, cancellationToken);
        if (row is null || row.Status != OutboxStatus.Sending || row.LeaseOwner != owner)
        {
            return new DeliveryOutcome(false, false);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var bound = await adapters.GetAsync(channels, row.ChannelAccountId, cancellationToken);
        if (bound is null)
        {
            await outcomes.FailAsync(row, OutboundFailureKind.Permanent, "channel_account", "The channel account is gone or its plugin is not loaded.",
                OutboundReasons.AccountMissing, cancellationToken);
            return new DeliveryOutcome(false, true);
        }

        if (row.Attempts > options.MaxAttempts)
        {
            var kind = Enum.TryParse<OutboundFailureKind>(row.LastErrorKind, out var last) ? last : OutboundFailureKind.Retryable;
            await outcomes.FailAsync(row, kind, row.LastErrorCode, row.LastErrorText, OutboundReasons.For(kind), cancellationToken);
            return new DeliveryOutcome(false, true);
        }

        // Read receipts are not subject to the pair limit (they are no message to the user).
        var pair = row.Priority == 0 ? Recipient(row) : null;
        if (limiter.TryAcquire(row.ChannelAccountId, pair, bound.MessagesPerSecond) is { } later)
        {
            row.Attempts--; // waiting for our own rate limit is no attempt
            await outcomes.RescheduleAsync(row, later, cancellationToken);
            return new DeliveryOutcome(false, false);
        }

        SendResult result;
        try
        {
            result = await bound.Adapter.SendAsync(await mapper.ToMessageAsync(row, cancellationToken), cancellationToken);
        }
        catch (FileNotFoundException e)
        {
            result = SendResult.Failed(SendFailureKind.Permanent, e.Message, "file_missing");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The SDK says adapters return failures; one that throws is treated as a transient fault.
            logger.LogWarning(e, "The plugin threw while sending outbox row {OutboxId}", row.Id);
            result = SendResult.Failed(SendFailureKind.Retryable, $"The plugin failed: {e.Message}", "plugin_exception");
        }

        await RecordAsync(row, result, pair, cancellationToken);
        return new DeliveryOutcome(true, row.Status is OutboxStatus.Accepted or OutboxStatus.Failed);
    }

    internal static string? Recipient(OutboxMessage row) => row.RecipientPhone ?? row.RecipientUserId;

    private async Task RecordAsync(OutboxMessage row, SendResult result, string? pair, CancellationToken cancellationToken)
    {
        if (result.Failure is not { } failure)
        {
            await outcomes.AcceptAsync(row, result.ProviderMessageId, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var kind = Map(failure.Kind);
        if (kind is not (OutboundFailureKind.Retryable or OutboundFailureKind.RateLimited))
        {
            await outcomes.FailAsync(row, kind, failure.ProviderErrorCode, failure.ErrorText, OutboundReasons.For(kind), cancellationToken);
            return;
        }

        // Only the pair limit concerns one recipient; any other "too many" (130429, an HTTP 429, the app or account
        // limits) holds the whole account back until the provider's Retry-After, instead of sending into the same wall.
        switch (failure.ProviderErrorCode)
        {
            case "131056" when pair is not null:
                limiter.PausePair(row.ChannelAccountId, pair, now + (failure.RetryAfter ?? TimeSpan.FromSeconds(6)));
                break;
            case not "131056" when kind == OutboundFailureKind.RateLimited:
                limiter.SlowDown(row.ChannelAccountId, now + (failure.RetryAfter ?? TimeSpan.FromSeconds(1)));
                break;
        }

        if (row.Attempts >= options.MaxAttempts || now + Backoff.Next(row.Attempts, failure.RetryAfter) - row.CreatedAt > options.MaxAge)
        {
            await outcomes.FailAsync(row, kind, failure.ProviderErrorCode, failure.ErrorText, OutboundReasons.For(kind), cancellationToken);
            return;
        }

        row.LastErrorKind = kind.ToString();
        row.LastErrorCode = Trim(failure.ProviderErrorCode, 100);
        row.LastErrorText = Trim(failure.ErrorText, 2000);
        await outcomes.RescheduleAsync(row, now + Backoff.Next(row.Attempts, failure.RetryAfter), cancellationToken);
    }

    internal static string? Trim(string? text, int max) => text is { Length: var n } && n > max ? text[..max] : text;

    private static OutboundFailureKind Map(SendFailureKind kind) => kind switch
    {
        SendFailureKind.Retryable => OutboundFailureKind.Retryable,
        SendFailureKind.RateLimited => OutboundFailureKind.RateLimited,
        SendFailureKind.WindowClosed => OutboundFailureKind.WindowClosed,
        SendFailureKind.BadRecipient => OutboundFailureKind.BadRecipient,
        SendFailureKind.TemplateProblem => OutboundFailureKind.TemplateProblem,
        _ => OutboundFailureKind.Permanent,
    };
}
