using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Modules;

namespace ContactCenter.Conversations.Ui;

/// <summary>The module's entries in the side menu (orders interleave with other modules' by tens).</summary>
internal static class ConversationsMenu
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new(NavSection.Work, "inbox", "/", "inbox", Policies.Agent, 10, typeof(Strings)),
        new(NavSection.Work, "history", "/history", "history", Policies.Agent, 40, typeof(Strings)),
        new(NavSection.Admin, "contactreasons", "/admin/contact-reasons", "history", Policies.Admin, 60, typeof(Strings)),
    ];
}
