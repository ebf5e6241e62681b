using ContactCenter.Chatbot;
using ContactCenter.Conversations;
using ContactCenter.Identity;
using ContactCenter.Kernel.Modules;
using ContactCenter.Leads;
using ContactCenter.Queues;
using ContactCenter.Templates;
using ContactCenter.Tickets;

namespace ContactCenter.Host;

/// <summary>The one place that says which domain modules make up the product.</summary>
internal static class Modules
{
    public static IReadOnlyList<IContactCenterModule> All { get; } =
    [
        new IdentityModule(),
        new ChatbotModule(),
        new ConversationsModule(),
        new LeadsModule(),
        new QueuesModule(),
        new TemplatesModule(),
        new TicketsModule(),
    ];
}
