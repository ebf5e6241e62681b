namespace ContactCenter.Channels.Sdk;

/// <summary>Constants a plugin and the host agree on.</summary>
public static class ChannelSdk
{
    /// <summary>
    /// The version of this contract. A plugin declares the version it was built for in <c>plugin.json</c>
    /// (<c>contractVersion</c>); the host loads it only when the numbers are equal.
    /// </summary>
    public const int ContractVersion = 1;

    /// <summary>The name of the manifest file every plugin folder holds.</summary>
    public const string ManifestFileName = "plugin.json";
}
