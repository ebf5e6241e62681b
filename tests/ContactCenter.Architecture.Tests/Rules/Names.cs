namespace ContactCenter.Architecture.Tests.Rules;

/// <summary>How the rules tell assemblies apart: by name, as the layout of ARCHITECTURE.md names them.</summary>
internal static class Names
{
    public const string Kernel = "ContactCenter.Kernel";
    public const string Sdk = "ContactCenter.Channels.Sdk";
    public const string ChannelsModule = "ContactCenter.Channels";
    public const string ChannelsContracts = "ContactCenter.Channels.Contracts";

    public static bool IsOurs(string name) => name.StartsWith("ContactCenter.", StringComparison.Ordinal);

    public static bool IsContracts(string name) => IsOurs(name) && name.EndsWith(".Contracts", StringComparison.Ordinal);

    public static bool IsPlugin(string name) => name.StartsWith("ContactCenter.Plugins.", StringComparison.Ordinal);

    public static bool IsEfCore(string name) => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal);
}
