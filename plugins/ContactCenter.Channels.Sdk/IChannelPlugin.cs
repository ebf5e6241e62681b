using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Sdk;

/// <summary>
/// A plugin's entry point. The host creates exactly one instance per plugin (its assembly must hold exactly
/// one public, non-abstract implementation with a public parameterless constructor) and asks it for an
/// adapter per channel account.
/// </summary>
public interface IChannelPlugin
{
    /// <summary>Binds the plugin to one channel account (one WhatsApp number, one SMS sender).</summary>
    /// <param name="context">The account's id, settings and the services the host lends the adapter.</param>
    /// <returns>An adapter the host may keep and call concurrently.</returns>
    IChannelAdapter CreateAdapter(ChannelAccountContext context);
}

/// <summary>What an adapter gets from the host for one channel account.</summary>
/// <param name="ChannelAccountId">The account's id (its webhook arrives at <c>/webhooks/{id}</c>).</param>
/// <param name="Settings">
/// The account's settings by key, secrets decrypted, defaults from the manifest filled in; checked by the
/// host against the manifest's schema. Keys without a value are absent.
/// </param>
/// <param name="Http">An HTTP client the host owns (proxy, timeouts); do not dispose it.</param>
/// <param name="Logger">Where the adapter logs; never log secrets or message contents.</param>
/// <param name="Clock">The only source of "now" an adapter should use, so tests can move time.</param>
public sealed record ChannelAccountContext(
    Guid ChannelAccountId,
    IReadOnlyDictionary<string, string> Settings,
    HttpClient Http,
    ILogger Logger,
    TimeProvider Clock)
{
    /// <summary>A setting's value, or null when the account has none.</summary>
    /// <param name="key">The setting's key as declared in the manifest.</param>
    /// <returns>The value, or null.</returns>
    public string? Setting(string key) => Settings.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}

/// <summary>
/// Translates between one channel account and ContactCenter. The host does everything that must be
/// reliable (routing webhooks, storing raw payloads before answering, retries, deduplication); the adapter
/// authenticates, parses and sends. Members may be called concurrently.
/// </summary>
public interface IChannelAdapter
{
    /// <summary>
    /// Answers a subscription check, such as WhatsApp's <c>GET ?hub.mode=subscribe&amp;hub.challenge=…</c>.
    /// Pure: no I/O.
    /// </summary>
    /// <param name="request">A request to the account's webhook URL.</param>
    /// <returns>The response to send, or null when the request is not a handshake.</returns>
    WebhookResponse? Handshake(WebhookRequest request);

    /// <summary>Whether the request really comes from the provider (e.g. its HMAC signature). Pure: no I/O.</summary>
    /// <param name="request">A request to the account's webhook URL that is not a handshake.</param>
    /// <returns>True when it is authentic; the host answers 401 and drops it otherwise.</returns>
    bool VerifySignature(WebhookRequest request);

    /// <summary>
    /// Turns a stored webhook request into events. Pure and deterministic (recorded payloads make perfect
    /// tests) and never throws: what cannot be read becomes an <see cref="Unparseable"/> event with the reason.
    /// Runs in the background on the stored payload, not inside the HTTP request.
    /// </summary>
    /// <param name="request">An authentic webhook request.</param>
    /// <returns>Zero or more events, in payload order.</returns>
    IReadOnlyList<InboundEvent> Parse(WebhookRequest request);

    /// <summary>
    /// Sends one message. Failures are returned, classified (<see cref="SendFailureKind"/>), not thrown;
    /// only cancellation throws.
    /// </summary>
    /// <param name="message">The message; its <see cref="OutboundMessage.MessageId"/> is the idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Accepted with the provider's message id, or the failure.</returns>
    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>Checks credentials and configuration, for the admin's "test connection".</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome with a message for the admin.</returns>
    Task<ChannelCheckResult> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>The outcome of <see cref="IChannelAdapter.CheckAsync"/>.</summary>
/// <param name="Status">Whether the check passed, failed or cannot be done.</param>
/// <param name="Message">What the admin should read (what failed and how to fix it).</param>
public sealed record ChannelCheckResult(ChannelCheckStatus Status, string Message)
{
    /// <summary>The account works.</summary>
    /// <param name="message">What was checked.</param>
    /// <returns>A passed result.</returns>
    public static ChannelCheckResult Passed(string message) => new(ChannelCheckStatus.Passed, message);

    /// <summary>The account does not work.</summary>
    /// <param name="message">What failed and how to fix it.</param>
    /// <returns>A failed result.</returns>
    public static ChannelCheckResult Failed(string message) => new(ChannelCheckStatus.Failed, message);

    /// <summary>The plugin cannot check this account.</summary>
    /// <param name="message">Why not.</param>
    /// <returns>A not-supported result.</returns>
    public static ChannelCheckResult NotSupported(string message) => new(ChannelCheckStatus.NotSupported, message);
}

/// <summary>The outcomes of a connection check.</summary>
public enum ChannelCheckStatus
{
    /// <summary>The account works.</summary>
    Passed,

    /// <summary>The account does not work.</summary>
    Failed,

    /// <summary>The plugin cannot check (this version of) the account.</summary>
    NotSupported,
}
