namespace ContactCenter.Channels.Sdk;

/// <summary>The outcome of <see cref="IChannelAdapter.SendAsync"/>: accepted by the provider, or a classified failure.</summary>
public sealed record SendResult
{
    private SendResult(string? providerMessageId, SendFailure? failure)
    {
        ProviderMessageId = providerMessageId;
        Failure = failure;
    }

    /// <summary>The provider accepted the message (accepted is not delivered: statuses follow by webhook).</summary>
    public bool Accepted => Failure is null;

    /// <summary>The provider's id of the message, when accepted; statuses refer to it.</summary>
    public string? ProviderMessageId { get; }

    /// <summary>Why it was not accepted; null when accepted.</summary>
    public SendFailure? Failure { get; }

    /// <summary>The provider accepted the message.</summary>
    /// <param name="providerMessageId">The provider's id of the message (null when it gives none, e.g. mark-as-read).</param>
    /// <returns>The result.</returns>
    public static SendResult Success(string? providerMessageId) => new(providerMessageId, null);

    /// <summary>The provider refused the message or could not be reached.</summary>
    /// <param name="kind">What the host should do about it.</param>
    /// <param name="errorText">What went wrong, for people.</param>
    /// <param name="providerErrorCode">The provider's error code, when any.</param>
    /// <param name="retryAfter">How long to wait before retrying, when the provider says.</param>
    /// <returns>The result.</returns>
    public static SendResult Failed(SendFailureKind kind, string errorText, string? providerErrorCode = null, TimeSpan? retryAfter = null) =>
        new(null, new SendFailure(kind, errorText, providerErrorCode, retryAfter));

    /// <summary>A permanent failure saying this plugin (version) cannot send this kind of content.</summary>
    /// <param name="what">What is not supported, e.g. <c>Sending templates</c>.</param>
    /// <returns>The result.</returns>
    public static SendResult NotSupported(string what) =>
        Failed(SendFailureKind.Permanent, $"{what} is not supported in this version of the plugin.", "not_supported");
}

/// <summary>Why a message was not accepted.</summary>
/// <param name="Kind">What the host should do about it.</param>
/// <param name="ErrorText">What went wrong, for people.</param>
/// <param name="ProviderErrorCode">The provider's error code, when any.</param>
/// <param name="RetryAfter">How long to wait before retrying, when the provider says.</param>
public sealed record SendFailure(SendFailureKind Kind, string ErrorText, string? ProviderErrorCode, TimeSpan? RetryAfter);

/// <summary>Failure classes; each tells the host's sender what to do next.</summary>
public enum SendFailureKind
{
    /// <summary>Temporary (network, provider outage): retry with backoff.</summary>
    Retryable,

    /// <summary>Too many messages: retry after <see cref="SendFailure.RetryAfter"/> or a backoff, and slow down.</summary>
    RateLimited,

    /// <summary>The session window is closed: only a template can reach the contact now.</summary>
    WindowClosed,

    /// <summary>The recipient cannot receive messages on this channel (no account, blocked, invalid number).</summary>
    BadRecipient,

    /// <summary>The template is unknown, not approved, paused, or its parameters do not match.</summary>
    TemplateProblem,

    /// <summary>Anything else that retrying will not fix (bad credentials, unsupported content).</summary>
    Permanent,
}
