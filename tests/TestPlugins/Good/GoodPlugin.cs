using ContactCenter.Channels.Sdk;

namespace ContactCenter.TestPlugins.Good;

public sealed class GoodPlugin : IChannelPlugin
{
    public IChannelAdapter CreateAdapter(ChannelAccountContext context) => new EchoAdapter(context);

    private sealed class EchoAdapter(ChannelAccountContext context) : IChannelAdapter
    {
        public WebhookResponse? Handshake(WebhookRequest request) => null;

        public bool VerifySignature(WebhookRequest request) => request.Header("X-Token") == context.Setting("token");

        public IReadOnlyList<InboundEvent> Parse(WebhookRequest request) => [];

        public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(SendResult.Success("sent-" + message.MessageId));

        public Task<ChannelCheckResult> CheckAsync(CancellationToken cancellationToken) =>
            Task.FromResult(ChannelCheckResult.Passed("ok"));
    }
}
