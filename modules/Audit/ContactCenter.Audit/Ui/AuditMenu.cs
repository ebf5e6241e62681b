using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Modules;

namespace ContactCenter.Audit.Ui;

/// <summary>The module's entry in the side menu: last of the administration section.</summary>
internal static class AuditMenu
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new(NavSection.Admin, "audit", "/admin/audit", "history", Policies.Admin, 140, typeof(Strings)),
    ];
}
