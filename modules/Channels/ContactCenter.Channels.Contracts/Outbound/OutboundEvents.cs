using ContactCenter.Kernel.Events;

namespace ContactCenter.Channels.Contracts.Outbound;

/// <summary>
/// The provider accepted the message (accepted is not delivered: statuses follow by webhook). Published in the
/// sender's unit of work; the outbox row will never be sent again.
/// </summary>
/// <param name="HostMessageId">The id given to <see cref="IOutbox.Enqueue"/>.</param>
/// <param name="ProviderMessageId">The provider's id of the message (null for read receipts).</param>
/// <param name="At">When the provider accepted it (UTC).</param>
public sealed record OutboundMessageAccepted(Guid HostMessageId, string? ProviderMessageId, DateTime At) : IDomainEvent;

/// <summary>The message will not be sent (no more retries); published in the sender's unit of work.</summary>
/// <param name="HostMessageId">The id given to <see cref="IOutbox.Enqueue"/>.</param>
/// <param name="Kind">Why, as a class the UI can act on (e.g. offer a template when the window is closed).</param>
/// <param name="ProviderCode">The provider's error code (e.g. <c>131047</c>), when any.</param>
/// <param name="ProviderText">The provider's error text, for admins.</param>
/// <param name="ReasonCode">Stable code of <paramref name="PlainMessage"/>; <see cref="OutboundReasons.Describe"/> gives it in pt-BR.</param>
/// <param name="PlainMessage">Plain English words for the agent.</param>
/// <param name="At">When it was given up (UTC).</param>
public sealed record OutboundMessageFailed(
    Guid HostMessageId,
    OutboundFailureKind Kind,
    string? ProviderCode,
    string? ProviderText,
    string ReasonCode,
    string PlainMessage,
    DateTime At) : IDomainEvent;

/// <summary>Mirrors the plugin SDK's failure classes, so other modules need not reference the SDK.</summary>
public enum OutboundFailureKind
{
    Retryable,
    RateLimited,
    WindowClosed,
    BadRecipient,
    TemplateProblem,
    Permanent,
}
