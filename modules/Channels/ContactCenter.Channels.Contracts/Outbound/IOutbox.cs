namespace ContactCenter.Channels.Contracts.Outbound;

/// <summary>
/// Queues outbound messages for the Channels module's sender. <see cref="Enqueue"/> only adds the outbox row
/// to the current scope's <c>ContactCenterDbContext</c>: it does NOT save. The caller saves, so its own
/// message row and the outbox row commit in ONE transaction (both or neither). Once committed, the sender
/// delivers it through the channel's plugin with retries and reports the outcome as
/// <see cref="OutboundMessageAccepted"/> or <see cref="OutboundMessageFailed"/>.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Adds the row (unsaved). <see cref="OutboundRequest.HostMessageId"/> is the idempotency key: the outbox
    /// holds at most one row per id (a second enqueue of the same id fails on save with a unique violation).
    /// </summary>
    void Enqueue(OutboundRequest request);
}

/// <summary>One message to send.</summary>
/// <param name="HostMessageId">The caller's message id; the idempotency key, and the id the outcome events carry.</param>
/// <param name="ChannelAccountId">The channel account (business number) that sends it.</param>
/// <param name="To">Who receives it.</param>
/// <param name="Content">What to send.</param>
public sealed record OutboundRequest(Guid HostMessageId, Guid ChannelAccountId, OutboundRecipient To, OutboundPayload Content);

/// <summary>Who receives a message.</summary>
/// <param name="Phone">E.164 digits without the plus (<c>5511999999999</c>), when known.</param>
/// <param name="ProviderUserId">The provider's user id (WhatsApp's business-scoped user id), when known.</param>
public sealed record OutboundRecipient(string? Phone, string? ProviderUserId = null);

/// <summary>
/// Opens a stored file (e.g. a media the agent attached) for upload to the provider. Implemented by the
/// module that owns the file store; without one, media sent by file reference fails permanently.
/// </summary>
public interface IOutboundFileSource
{
    /// <summary>Opens the file; null when it does not exist (any more).</summary>
    Task<Stream?> OpenReadAsync(string fileReference, CancellationToken cancellationToken);
}
