using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud;

/// <summary>The plugin's entry point: one adapter per WhatsApp business number.</summary>
public sealed class WhatsAppCloudPlugin : IChannelPlugin
{
    /// <inheritdoc />
    public IChannelAdapter CreateAdapter(ChannelAccountContext context) => new WhatsAppCloudAdapter(context);
}
