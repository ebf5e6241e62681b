using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Channels.Sdk;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Outbound;

/// <summary>
/// Sends one claimed row through its account's plugin and decides what becomes of it. It reads and writes no
/// database: the claim brought the row, and the verdict is written with others by <see cref="OutboxOutcomes"/>.
/// The rate limiter's state changes at once, though, so the batch's other sends see a 429's pause before they call.
/// </summary>
internal sealed class OutboxDelivery(
    OutboundRateLimiter limiter,
    PayloadMapper mapper,
    TimeProvider clock,
    OutboxOptions options,
    ILogger<OutboxDelivery> logger)
{
    /// <summary>
    /// The verdict for <paramref name="row"/>, claimed by this sender; <paramref name="bound"/> is its account's adapter,
    /// null when the account is gone or its plugin not loaded.
    /// </summary>
    public async Task<OutboxVerdict> SendAsync(OutboxMessage row, BoundAdapter? bound, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        // Past its lease another sender may take the row; one that could not finish within it is not started.
        if (row.LeaseUntil is not { } leaseUntil || now + options.HttpTimeout >= leaseUntil)
        {
            return new OutboxReleased(row.Id);
        }

        if (bound is null)
        {
            return new OutboxFailed(row.Id, false, OutboundFailureKind.Permanent, "channel_account",
                "The channel account is gone or its plugin is not loaded.", OutboundReasons.AccountMissing);
        }

        if (row.Attempts > options.MaxAttempts)
        {
            var kind = Enum.TryParse<OutboundFailureKind>(row.LastErrorKind, out var last) ? last : OutboundFailureKind.Retryable;
            return new OutboxFailed(row.Id, false, kind, row.LastErrorCode, row.LastErrorText, OutboundReasons.For(kind));
        }

        // Read receipts are not subject to the pair limit (they are no message to the user).
        var pair = row.Priority == 0 ? Recipient(row) : null;
        if (limiter.TryAcquire(row.ChannelAccountId, pair, bound.MessagesPerSecond) is { } later)
        {
            return new OutboxRescheduled(row.Id, false, later, NotAnAttempt: true);
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

        return Judge(row, result, pair);
    }

    internal static string? Recipient(OutboxMessage row) => row.RecipientPhone ?? row.RecipientUserId;

    private OutboxVerdict Judge(OutboxMessage row, SendResult result, string? pair)
    {
        if (result.Failure is not { } failure)
        {
            return new OutboxAccepted(row.Id, Trim(result.ProviderMessageId, 200));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var kind = Map(failure.Kind);
        if (kind is not (OutboundFailureKind.Retryable or OutboundFailureKind.RateLimited))
        {
            return new OutboxFailed(row.Id, true, kind, failure.ProviderErrorCode, failure.ErrorText, OutboundReasons.For(kind));
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
            return new OutboxFailed(row.Id, true, kind, failure.ProviderErrorCode, failure.ErrorText, OutboundReasons.For(kind));
        }

        return new OutboxRescheduled(
            row.Id, true, now + Backoff.Next(row.Attempts, failure.RetryAfter), NotAnAttempt: false, kind, failure.ProviderErrorCode, failure.ErrorText);
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
