using System.Security.Cryptography;

namespace ContactCenter.Channels.Sdk;

/// <summary>
/// Something a webhook reported, normalized. The host deduplicates on <see cref="IdempotencyKey"/>, so the
/// same provider event delivered twice must produce the same key.
/// </summary>
/// <param name="IdempotencyKey">Stable key of this event (e.g. the provider's message id).</param>
/// <param name="OccurredAt">When it happened, by the provider's clock when it says so.</param>
public abstract record InboundEvent(string IdempotencyKey, DateTimeOffset OccurredAt);

/// <summary>A contact sent a message to the channel account.</summary>
/// <param name="IdempotencyKey">Stable key; usually the provider message id.</param>
/// <param name="OccurredAt">When the contact sent it.</param>
/// <param name="ProviderMessageId">The provider's id of the message (WhatsApp's wamid).</param>
/// <param name="From">Who sent it.</param>
/// <param name="Content">What it says or carries.</param>
public sealed record MessageReceived(
    string IdempotencyKey,
    DateTimeOffset OccurredAt,
    string ProviderMessageId,
    Sender From,
    MessageContent Content) : InboundEvent(IdempotencyKey, OccurredAt)
{
    /// <summary>The provider id of the message this one replies to, when it is a reply.</summary>
    public string? ReplyToProviderMessageId { get; init; }

    /// <summary>The contact forwarded this message (WhatsApp: forwarded up to five times).</summary>
    public bool IsForwarded { get; init; }

    /// <summary>The message has been forwarded many times (WhatsApp: more than five); implies <see cref="IsForwarded"/>.</summary>
    public bool IsFrequentlyForwarded { get; init; }

    /// <summary>The ad or post the contact came from (a click-to-chat ad), when the provider says; a lead's source.</summary>
    public AdReferral? Referral { get; init; }

    /// <summary>The catalog product the contact asked about (a "message business" button on a product), when any.</summary>
    public ReferredProduct? ReferredProduct { get; init; }
}

/// <summary>The ad or post that brought the contact to the conversation (e.g. WhatsApp's click-to-WhatsApp ads).</summary>
/// <param name="SourceType">The kind of source, as the provider names it (e.g. <c>ad</c>, <c>post</c>).</param>
/// <param name="SourceId">The provider's id of the ad or post, when given.</param>
/// <param name="SourceUrl">A link to the ad or post, when given.</param>
public sealed record AdReferral(string? SourceType, string? SourceId, string? SourceUrl)
{
    /// <summary>The ad's headline, when given.</summary>
    public string? Headline { get; init; }

    /// <summary>The ad's text, when given.</summary>
    public string? Body { get; init; }

    /// <summary>The ad's media type (<c>image</c> or <c>video</c>), when given.</summary>
    public string? MediaType { get; init; }

    /// <summary>A link to the ad's image or video, when given.</summary>
    public string? MediaUrl { get; init; }

    /// <summary>The provider's click id for conversion reporting (WhatsApp's <c>ctwa_clid</c>), when given.</summary>
    public string? ClickId { get; init; }

    /// <summary>The greeting the ad pre-filled for the contact, when given.</summary>
    public string? WelcomeText { get; init; }
}

/// <summary>A catalog product a message refers to.</summary>
/// <param name="CatalogId">The catalog's id, when given.</param>
/// <param name="ProductId">The product's id in the catalog (the business's SKU).</param>
public sealed record ReferredProduct(string? CatalogId, string ProductId);

/// <summary>
/// The provider reports a problem that belongs to no single message (WhatsApp's value-level <c>errors[]</c>,
/// e.g. a throughput limit hit), so admins can see it.
/// </summary>
/// <param name="IdempotencyKey">Stable key of this report.</param>
/// <param name="OccurredAt">When it was reported (by the provider's clock when it says so).</param>
/// <param name="ErrorCode">The provider's error code, when given.</param>
/// <param name="ErrorText">The provider's description of the error.</param>
public sealed record ProviderErrorReported(string IdempotencyKey, DateTimeOffset OccurredAt, string? ErrorCode, string ErrorText)
    : InboundEvent(IdempotencyKey, OccurredAt);

/// <summary>
/// Who sent a message. At least one of <see cref="Phone"/> and <see cref="ProviderUserId"/> is set: WhatsApp
/// is moving from phone numbers to business-scoped user ids, and may withhold the phone.
/// </summary>
/// <param name="Phone">The phone number in E.164 digits without the plus (<c>5511999999999</c>), when known.</param>
/// <param name="ProviderUserId">The provider's user id (WhatsApp's BSUID), when given.</param>
/// <param name="ProfileName">The name the contact chose in the app, when given.</param>
public sealed record Sender(string? Phone, string? ProviderUserId, string? ProfileName);

/// <summary>The provider reports progress (or failure) of a message the host sent.</summary>
/// <param name="IdempotencyKey">Stable key; e.g. provider message id plus status.</param>
/// <param name="OccurredAt">When the status was reached.</param>
/// <param name="ProviderMessageId">The id <see cref="SendResult.ProviderMessageId"/> returned for the message.</param>
/// <param name="Status">The status reached.</param>
/// <param name="ErrorCode">The provider's error code, for <see cref="DeliveryStatus.Failed"/>.</param>
/// <param name="ErrorText">The provider's error text, for <see cref="DeliveryStatus.Failed"/>.</param>
public sealed record MessageStatusChanged(
    string IdempotencyKey,
    DateTimeOffset OccurredAt,
    string ProviderMessageId,
    DeliveryStatus Status,
    string? ErrorCode = null,
    string? ErrorText = null) : InboundEvent(IdempotencyKey, OccurredAt);

/// <summary>Delivery statuses, in the order they normally happen (a later one implies the earlier).</summary>
public enum DeliveryStatus
{
    /// <summary>The provider sent it to the contact's device.</summary>
    Sent,

    /// <summary>It reached the contact's device.</summary>
    Delivered,

    /// <summary>The contact opened it.</summary>
    Read,

    /// <summary>The contact played a voice message.</summary>
    Played,

    /// <summary>It could not be delivered.</summary>
    Failed,
}

/// <summary>The provider's review of a message template changed (approved, rejected, paused…).</summary>
/// <param name="IdempotencyKey">Stable key; e.g. template id plus status plus time.</param>
/// <param name="OccurredAt">When the status changed.</param>
/// <param name="ProviderTemplateId">The provider's template id.</param>
/// <param name="Name">The template name, when given.</param>
/// <param name="Language">The template language code, when given.</param>
/// <param name="Status">The new status.</param>
/// <param name="Reason">Why (e.g. the rejection reason), when given.</param>
public sealed record TemplateStatusChanged(
    string IdempotencyKey,
    DateTimeOffset OccurredAt,
    string ProviderTemplateId,
    string? Name,
    string? Language,
    TemplateStatus Status,
    string? Reason) : InboundEvent(IdempotencyKey, OccurredAt);

/// <summary>
/// The business sent a message from outside ContactCenter (e.g. the WhatsApp Business app on the same
/// number), so the conversation history stays complete.
/// </summary>
/// <param name="IdempotencyKey">Stable key; usually the provider message id.</param>
/// <param name="OccurredAt">When it was sent.</param>
/// <param name="ProviderMessageId">The provider's id of the message.</param>
/// <param name="To">The contact it went to.</param>
/// <param name="Content">What it says or carries.</param>
public sealed record MessageEchoed(
    string IdempotencyKey,
    DateTimeOffset OccurredAt,
    string ProviderMessageId,
    Recipient To,
    MessageContent Content) : InboundEvent(IdempotencyKey, OccurredAt);

/// <summary>
/// A webhook (or part of one) the adapter could not read. The host keeps the raw payload and shows the
/// reason to admins; nothing is lost.
/// </summary>
/// <param name="IdempotencyKey">Stable key; <see cref="For"/> derives it from the body.</param>
/// <param name="OccurredAt">When the host received it.</param>
/// <param name="Reason">What could not be read, for people.</param>
public sealed record Unparseable(string IdempotencyKey, DateTimeOffset OccurredAt, string Reason)
    : InboundEvent(IdempotencyKey, OccurredAt)
{
    /// <summary>An unparseable event keyed by the SHA-256 of the request body, so redeliveries collapse.</summary>
    /// <param name="request">The request that could not be read.</param>
    /// <param name="occurredAt">Now, by the adapter's clock.</param>
    /// <param name="reason">What could not be read.</param>
    /// <returns>The event.</returns>
    public static Unparseable For(WebhookRequest request, DateTimeOffset occurredAt, string reason) =>
        new("unparseable:" + Convert.ToHexStringLower(SHA256.HashData(request.Body.Span)), occurredAt, reason);
}
