using ContactCenter.Channels.Sdk;

namespace ContactCenter.Channels.Conformance;

/// <summary>A webhook request the provider really sent (signed), with a name for failure messages.</summary>
/// <param name="Name">E.g. the file it was recorded in.</param>
/// <param name="Request">The request, with its signature headers.</param>
public sealed record RecordedRequest(string Name, WebhookRequest Request)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A subscription handshake the plugin must answer, and one with a wrong token it must refuse.</summary>
/// <param name="Valid">The provider's handshake request.</param>
/// <param name="ExpectedBody">The body the plugin must answer it with (e.g. the echoed challenge).</param>
/// <param name="WrongToken">The same handshake with a token that is not the account's.</param>
public sealed record HandshakeCase(WebhookRequest Valid, string ExpectedBody, WebhookRequest WrongToken);

/// <summary>
/// How the plugin must classify one provider answer to <see cref="IChannelAdapter.SendAsync"/>: the fake server
/// answers <see cref="Answer"/>, and the result must be accepted (<see cref="ExpectedFailure"/> null) or fail with that kind.
/// </summary>
/// <param name="Name">What the case is, for failure messages.</param>
/// <param name="Answer">The fake provider's answer.</param>
/// <param name="ExpectedFailure">The expected failure kind; null when the message must be accepted.</param>
public sealed record SendScenario(string Name, FakeHttpResponse Answer, SendFailureKind? ExpectedFailure)
{
    /// <summary>The message to send; the suite's <see cref="ChannelConformanceSuite.SampleMessage"/> when null.</summary>
    public OutboundMessage? Message { get; init; }

    /// <summary>The provider error code the result must carry, when the scenario checks it.</summary>
    public string? ExpectedProviderCode { get; init; }

    /// <summary>The provider message id an accepted result must carry, when the scenario checks it.</summary>
    public string? ExpectedProviderMessageId { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A clock that stands still, so parsing is comparable across runs.</summary>
/// <param name="now">The time it shows.</param>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
