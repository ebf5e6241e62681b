using ContactCenter.Channels;
using ContactCenter.Identity;
using ContactCenter.Kernel.Modules;

namespace ContactCenter.Host;

/// <summary>The one place that says which domain modules make up the product.</summary>
internal static class Modules
{
    public static IReadOnlyList<IContactCenterModule> All { get; } =
    [
        new IdentityModule(),
        new ChannelsModule(),
    ];
}
