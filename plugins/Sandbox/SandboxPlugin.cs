using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.Sandbox;

/// <summary>The plugin's entry point: a pretend channel for demos and tests.</summary>
public sealed class SandboxPlugin : IChannelPlugin
{
    // One reviewer per process: adapters are rebuilt every few minutes, submissions must outlive them.
    private readonly SandboxTemplates _templates = new();

    /// <inheritdoc />
    public IChannelAdapter CreateAdapter(ChannelAccountContext context) => new SandboxAdapter(context, _templates);
}
