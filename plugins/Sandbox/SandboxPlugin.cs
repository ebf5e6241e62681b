using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.Sandbox;

/// <summary>The plugin's entry point: a pretend channel for demos and tests.</summary>
public sealed class SandboxPlugin : IChannelPlugin
{
    /// <inheritdoc />
    public IChannelAdapter CreateAdapter(ChannelAccountContext context) => new SandboxAdapter(context);
}
