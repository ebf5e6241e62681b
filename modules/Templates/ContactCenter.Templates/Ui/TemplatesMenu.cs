using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Modules;

namespace ContactCenter.Templates.Ui;

/// <summary>The module's entries in the side menu (orders interleave with other modules' by tens).</summary>
internal static class TemplatesMenu
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new(NavSection.Work, "templateusage", "/reports/template-usage", "chart", Policies.Supervisor, 70, typeof(Strings)),
        new(NavSection.Admin, "templates", "/admin/templates", "templates", Policies.Admin, 70, typeof(Strings)),
    ];
}
