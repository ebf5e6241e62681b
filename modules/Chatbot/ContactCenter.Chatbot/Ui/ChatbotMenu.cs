using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Modules;

namespace ContactCenter.Chatbot.Ui;

/// <summary>The module's entry in the side menu (administration, after the templates).</summary>
internal static class ChatbotMenu
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new(NavSection.Admin, "chatbot", "/chatbot", "channels", Policies.Admin, 75, typeof(Strings)),
    ];
}
