using ContactCenter.Channels.Sdk;

namespace ContactCenter.TestPlugins.Throwing;

public sealed class ThrowingPlugin : IChannelPlugin
{
    public ThrowingPlugin() => throw new InvalidOperationException("The licence file is missing.");

    public IChannelAdapter CreateAdapter(ChannelAccountContext context) => throw new NotSupportedException();
}
