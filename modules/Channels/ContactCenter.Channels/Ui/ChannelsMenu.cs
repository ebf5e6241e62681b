using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Modules;

namespace ContactCenter.Channels.Ui;

/// <summary>The module's entries in the side menu (orders interleave with other modules' by tens).</summary>
internal static class ChannelsMenu
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new(NavSection.Admin, "channels", "/admin/channels", "channels", Policies.Admin, 90, typeof(Strings)),
        new(NavSection.Admin, "plugins", "/admin/plugins", "plugins", Policies.Admin, 100, typeof(Strings)),
        new(NavSection.Admin, "inboxfailures", "/admin/inbox-failures", "inbox", Policies.Admin, 110, typeof(Strings)),
        new(NavSection.Admin, "outbox", "/admin/outbox", "channels", Policies.Admin, 120, typeof(Strings)),
    ];
}
