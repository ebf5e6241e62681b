using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Modules;

namespace ContactCenter.Identity.Ui;

/// <summary>The module's entries in the side menu (orders interleave with other modules' by tens).</summary>
internal static class IdentityMenu
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new(NavSection.Admin, "users", "/admin/users", "users", Policies.Admin, 10, typeof(Strings)),
        new(NavSection.Admin, "apikeys", "/admin/api-keys", "key", Policies.Admin, 80, typeof(Strings)),
    ];
}
