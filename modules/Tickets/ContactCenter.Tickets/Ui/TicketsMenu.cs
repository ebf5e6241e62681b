using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Modules;

namespace ContactCenter.Tickets.Ui;

/// <summary>The module's entry in the side menu.</summary>
internal static class TicketsMenu
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new(NavSection.Work, "tickets", "/tickets", "tickets", Policies.Agent, 50, typeof(Strings)),
    ];
}
