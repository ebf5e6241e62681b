using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Modules;

namespace ContactCenter.Leads.Ui;

/// <summary>The module's entries in the side menu (orders interleave with other modules' by tens) and its widgets.</summary>
internal static class LeadsMenu
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new(NavSection.Work, "contacts", "/contacts", "contacts", Policies.Agent, 20, typeof(Strings)),
        new(NavSection.Work, "tasks", "/tasks", "tickets", Policies.Agent, 30, typeof(Strings)),
    ];

    /// <summary>The contact beside the open conversation.</summary>
    public static IReadOnlyList<UiWidget> Widgets { get; } = [new(typeof(ContactSidePanel), WidgetZones.ConversationSidePanel, 10)];
}
