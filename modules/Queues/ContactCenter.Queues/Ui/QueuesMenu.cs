using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Modules;

namespace ContactCenter.Queues.Ui;

/// <summary>The module's entries in the side menu (orders interleave with other modules' by tens).</summary>
internal static class QueuesMenu
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new(NavSection.Work, "livequeue", "/queue/live", "livequeue", Policies.Supervisor, 60, typeof(Strings)),
        new(NavSection.Admin, "teams", "/admin/teams", "teams", Policies.Admin, 20, typeof(Strings)),
        new(NavSection.Admin, "products", "/admin/products", "products", Policies.Admin, 30, typeof(Strings)),
        new(NavSection.Admin, "agents", "/admin/agents", "agents", Policies.Admin, 40, typeof(Strings)),
        new(NavSection.Admin, "routingsettings", "/admin/routing-settings", "timer", Policies.Admin, 50, typeof(Strings)),
    ];

    /// <summary>The agent's presence switch, in the top bar of every page.</summary>
    public static IReadOnlyList<UiWidget> Widgets { get; } = [new(typeof(PresenceSwitch), WidgetZones.Header, 10)];
}
