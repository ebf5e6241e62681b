using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Modules;

namespace ContactCenter.Leads.Ui;

/// <summary>The module's entries in the side menu (orders interleave with other modules' by tens).</summary>
internal static class LeadsMenu
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new(NavSection.Work, "contacts", "/contacts", "contacts", Policies.Agent, 20, typeof(Strings)),
        new(NavSection.Work, "tasks", "/tasks", "tickets", Policies.Agent, 30, typeof(Strings)),
    ];
}
