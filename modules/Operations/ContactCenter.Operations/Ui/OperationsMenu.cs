using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Modules;

namespace ContactCenter.Operations.Ui;

/// <summary>The module's entries in the side menu.</summary>
internal static class OperationsMenu
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new(NavSection.Work, "operations", "/operations", "pulse", Policies.Supervisor, 80, typeof(Strings)),
        new(NavSection.Admin, "jobs", "/admin/jobs", "timer", Policies.Admin, 130, typeof(Strings)),
    ];
}
